// Package lint warns about the ways fine-tuning projects fail that a cost
// model alone does not show: too few experiment cycles, catastrophic
// forgetting, no golden set, no re-tuning, unmerged adapters, too little or
// too repetitive data, and stale prices. It reads a scenario that already
// priced; every finding is a warning at the most precise position: the
// value when the file writes it, else the option's [[option]] header, and
// for a price sheet its price_sheets entry, else 1:1 of the scenario.
//
// Rules and thresholds (options whose kind trains, model.KindSpec, except 8 and 9):
//
//	| # | field | warns when | why |
//	|---|---|---|---|
//	| 1 | `experiment_cycles` | < 3 | the experimentation tax is 5–10 cycles; fewer understates experiments |
//	| 2 | `method` | = "full" | catastrophic forgetting; prefer LoRA/QLoRA or replay data |
//	| 3 | `golden_set_examples` | = 0 (no golden set), or < 100 | too small to detect regressions |
//	| 4 | `retune_every_months` | = 0 while `horizon_months` > 6 | the model goes stale as data drifts; with `accuracy_decay_per_month` set (MODEL.md §9), what the decay costs and the best cadence |
//	| 5 | `merged` | false on a self-hosted LoRA/QLoRA with `unmerged_overhead` > 0 | states the overhead in money: the option's total minus its total with `unmerged_overhead` = 0 |
//	| 6 | `train_examples` | below the `task`'s minimum: style 200, classification 1,000, extraction 1,000, reasoning 10,000, code 10,000 (no check without `task`) | hundreds can serve style, tens of thousands for reasoning or code |
//	| 7 | `unique_examples` | set (> 0) and < 20 % of `train_examples` | rephrased duplicates are learned by heart |
//	| 8 | price sheet | as_of more than 180 days (--stale-days) before now (one warning per sheet) | prices move every quarter |
//	| 9 | the field naming a priced catalog entry an option uses (offer, API model, embedding, vector database) | the entry's as_of more than 180 days (--stale-days) before now | a decision may rest on a price that has moved |
//	| 10 | fp8_efficiency | written on a self-hosted option that neither trains nor serves in fp8 | it scales only an FP8 peak (F4a, MODEL.md §10) |
//	| note | mfu | written on a fine-tune of a mixture-of-experts model | a written mfu gets no I_e / (I_e + 4000) factor (F9) |
//	| note | train_offer | a zero3 or none run over several instances of an offer without network_gbps | the traffic between instances is not counted (F9a) |
//	| 14 | train_offer | the same, on an offer of one GPU per instance (a warning, not the note) | single-GPU machines have no fast link: suggests offers of the same GPU with enough GPUs |
//	| 10 | `retune_every_months` | F28's best cadence differs and saves > 5 % of the option's total | staleness priced against re-tuning |
//	| 11 | `accuracy` | above every prompted/RAG option's while `golden_set_examples` = 0 | nothing measures that claim |
//	| 12 | `golden_set_independent` | = false with a golden set | a set from the training data's source and period tests memory, not generalisation |
//	| 13 | `eval_checks` (else `method`/`task`) | `method = "full"` without "general_knowledge"; `task = "style"` without "diversity" | the evaluation cannot see forgetting or collapse |
//
// Plausibility (every option kind, and the workload and team): a written
// value above its bound in plausibilities — valid, yet far outside
// practice, most often a typing slip — is warned about with the figure it
// implies. The bounds are listed in docs/model.md.
//
// API models closed to new users are warned about by scenarios.Resolve,
// not here.
package lint
