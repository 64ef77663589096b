package model

// ragCosts fills a RAG option's one-time build (F15), monthly retrieval (F16)
// and the generator's serving with the retrieved context (F14, F19–F22).
func ragCosts(s *Scenario, o *Option, cat *Catalog, r *OptionResult, c *costs, t *tracer) error {
	rate := s.Team.HourlyRate
	emb := cat.embedding(o.Embedding)
	db := cat.vectorDB(o.VectorDB)

	in := s.Workload.InputTokens + o.TopK*o.ChunkTokens // F14
	if t != nil {
		t.add("rag.input_tokens", "generator input tokens per query", "F14", "input_tokens + top_k · chunk_tokens", UnitTokens, in,
			tokens("input_tokens", s.Workload.InputTokens), count("top_k", o.TopK), tokens("chunk_tokens", o.ChunkTokens))
	}

	embedCorpus := o.CorpusTokens * emb.PerMtok / 1e6 // F15's embedding part
	build := o.BuildHours*rate + embedCorpus
	c.oneTimeSetup = setupCost(o, rate, t, build, "F15", "build")
	if t != nil {
		t.add("rag.build", "pipeline build and first embedding (one-time)", "F15", "build_hours · hourly_rate + corpus_tokens · embedding.per_mtok / 1e6", UnitMoney, build,
			hours("build_hours", o.BuildHours), money("hourly_rate", rate), tokens("corpus_tokens", o.CorpusTokens), money("embedding.per_mtok", emb.PerMtok))
	}

	// F16: re-embedding churn, query embeddings, the database.
	storageGB := ceil(o.CorpusTokens/o.ChunkTokens) * float64(emb.Dim) * 4 / 1e9
	churn := o.CorpusTokens * o.CorpusChurnPerMonth * emb.PerMtok / 1e6
	fixed := churn + db.MonthlyBase + storageGB*db.PerGBMonth
	queryTokens := s.Workload.InputTokens
	c.hasRetrieval = true
	c.retrievalFixed = fixed
	c.queryTokens, c.embedPerMtok, c.dbPerMQuery = queryTokens, emb.PerMtok, db.PerMQuery
	if t != nil {
		t.add("retrieval.storage_gb", "vector storage", "F16", "ceil(corpus_tokens / chunk_tokens) · dim · 4 / 1e9", UnitGB, storageGB,
			tokens("corpus_tokens", o.CorpusTokens), tokens("chunk_tokens", o.ChunkTokens), count("dim", float64(emb.Dim)))
	}
	q0 := s.Workload.QueriesPerMonth
	if t != nil {
		t.add("retrieval", "retrieval cost in month 1", "F16",
			"corpus_tokens · churn · per_mtok / 1e6 + Q · input_tokens · per_mtok / 1e6 + monthly_base + storage_gb · per_gb_month + Q / 1e6 · per_mquery",
			UnitMoney, c.retrieval(q0),
			tokens("corpus_tokens", o.CorpusTokens), count("corpus_churn_per_month", o.CorpusChurnPerMonth), money("embedding.per_mtok", emb.PerMtok),
			Term{Name: "Q", Value: q0, Unit: UnitQueries}, tokens("input_tokens", queryTokens), money("monthly_base", db.MonthlyBase),
			Term{Name: "storage_gb", Value: storageGB, Unit: UnitGB}, money("per_gb_month", db.PerGBMonth), money("per_mquery", db.PerMQuery))
	}
	return servingCosts(s, o, cat, r, c, t)
}
