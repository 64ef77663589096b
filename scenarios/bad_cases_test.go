package scenarios

// badFiles pairs each file of testdata/bad with every line `tunecost check`
// prints for it, in order: Parse's diagnostics, then (when Parse found no
// error) Resolve's against testCatalog.
var badFiles = []struct {
	file string
	want []string
}{
	{"abs_path.toml", []string{
		`testdata/bad/abs_path.toml:1:35: price_sheets[1] = "/etc/prices.toml": must be a relative path`,
	}},
	{"api_self_field.toml", []string{
		`testdata/bad/api_self_field.toml:12:1: option "p".serve_offer does not apply: "gpt-4o" is an API model`,
		`testdata/bad/api_self_field.toml:13:1: option "p".batch does not apply: "gpt-4o" is an API model`,
	}},
	{"bad_offer_ref.toml", []string{
		`testdata/bad/bad_offer_ref.toml:17:15: option "ft".serve_offer "aws/g5.xlrage" is not an offer in the price catalog; did you mean "aws/g5.xlarge"?`,
	}},
	{"bad_ref.toml", []string{
		`testdata/bad/bad_ref.toml:11:14: option "ft".base_model "llama-3-8b" is not an open_model or a managed api_model; did you mean "llama-3.1-8b"?`,
	}},
	{"cached_self.toml", []string{
		`testdata/bad/cached_self.toml:13:1: option "p".cached_prompt does not apply: "llama-3.1-70b" is a self-hosted open model`,
	}},
	{"choice.toml", []string{
		`testdata/bad/choice.toml:12:10: option "ft".method = "lorra": must be one of "full", "lora" or "qlora"; did you mean "lora"?`,
	}},
	{"closed.toml", []string{
		`testdata/bad/closed.toml:11:9: warning: option "p".model "gpt-4-32k" is closed to new users`,
	}},
	{"currency.toml", []string{
		`testdata/bad/currency.toml:1:12: currency = "usd": must be three upper-case letters, like "USD"`,
	}},
	{"currency_mismatch.toml", []string{
		`testdata/bad/currency_mismatch.toml:1:12: scenario currency "EUR" does not match the price catalog's "USD"`,
	}},
	// [t.u.v] makes the table t: reported at the header, as written (was 1:1).
	{"dotted_header.toml", []string{
		`testdata/bad/dotted_header.toml:93:1: unknown table [t.u.v]`,
	}},
	// The decoder keeps note.a and silently drops note = 2: refused instead.
	{"redefined.toml", []string{
		`testdata/bad/redefined.toml:3:1: note is defined twice; the first definition is at 2:1`,
	}},
	// Each dotted part makes the decoder re-walk the tables above it.
	{"key_parts.toml", []string{
		`testdata/bad/key_parts.toml:3:16: a dotted key or table name has more than 8 parts`,
	}},
	// The decoder reports the newline ending line 2 as 3:10, a line that
	// may not exist; the error is at the end of line 2.
	// At the end of a file without a final newline: past the last byte
	// (the decoder said 2:9, at the "d", and "found '\x00'").
	{"unclosed_header_eof.toml", []string{
		`testdata/bad/unclosed_header_eof.toml:2:10: expected '.' or ']' to end table name, found the end of the file`,
	}},
	{"unclosed_header.toml", []string{
		`testdata/bad/unclosed_header.toml:2:10: expected '.' or ']' to end table name, found the end of the line`,
	}},
	// "p" and "p" with a zero-width space would be two options that look
	// alike (the duplicate check was bypassed): refused with its position.
	// The campaign's M4 (chaos-2026-12.md): every character that draws
	// nothing is refused (Unicode's Default_Ignorable_Code_Point and
	// Bidi_Control, format.Invisible), and names are compared composed,
	// trimmed and with white space folded.
	{"lookalike_names.toml", []string{
		`testdata/bad/lookalike_names.toml:22:8: option #3.name = "p\u00ad": contains an invisible character (U+00AD), which would make it look like another name`,
		`testdata/bad/lookalike_names.toml:27:8: option #4.name = "p\u034f": contains an invisible character (U+034F), which would make it look like another name`,
		`testdata/bad/lookalike_names.toml:32:8: option #5.name = "p\u061c": contains an invisible character (U+061C), which would make it look like another name`,
		`testdata/bad/lookalike_names.toml:37:8: option #6.name = "p\u3164": contains an invisible character (U+3164), which would make it look like another name`,
		`testdata/bad/lookalike_names.toml:42:8: option #7.name = "p\u180e": contains an invisible character (U+180E), which would make it look like another name`,
		`testdata/bad/lookalike_names.toml:47:8: option #8.name = "p\u2061": contains an invisible character (U+2061), which would make it look like another name`,
		`testdata/bad/lookalike_names.toml:52:8: option #9.name = "p\u2062": contains an invisible character (U+2062), which would make it look like another name`,
		`testdata/bad/lookalike_names.toml:57:8: option #10.name = "p\u2064": contains an invisible character (U+2064), which would make it look like another name`,
		`testdata/bad/lookalike_names.toml:62:8: option #11.name = "p\ufe0f": contains an invisible character (U+FE0F), which would make it look like another name`,
		`testdata/bad/lookalike_names.toml:67:8: option #12.name = "p\U000e0041": contains an invisible character (U+E0041), which would make it look like another name`,
		`testdata/bad/lookalike_names.toml:72:8: option #13.name = "p\u2800": contains an invisible character (U+2800), which would make it look like another name`,
		`testdata/bad/lookalike_names.toml:77:8: option #14.name = "p\u115f": contains an invisible character (U+115F), which would make it look like another name`,
		`testdata/bad/lookalike_names.toml:82:8: option #15.name = "p\uffa0": contains an invisible character (U+FFA0), which would make it look like another name`,
		`testdata/bad/lookalike_names.toml:87:8: option name "Cafe\u0301" is already used by the option at line 17`,
		`testdata/bad/lookalike_names.toml:92:8: option name "p " is already used by the option at line 12`,
		`testdata/bad/lookalike_names.toml:97:8: option name "p\u00a0\u3000" is already used by the option at line 12`,
	}},
	{"invisible_name.toml", []string{
		`testdata/bad/invisible_name.toml:14:8: option #2.name = "p\u200b": contains an invisible character (U+200B), which would make it look like another name`,
	}},
	// A zero-width joiner is kept (real names need it) but not compared.
	{"joiner_name.toml", []string{
		`testdata/bad/joiner_name.toml:14:8: option name "p\u200d" is already used by the option at line 9`,
	}},
	{"dup_name.toml", []string{
		`testdata/bad/dup_name.toml:14:8: option name "p" is already used by the option at line 9`,
	}},
	{"duplicate_key.toml", []string{
		`testdata/bad/duplicate_key.toml:7:1: key 'workload.input_tokens' is defined twice`,
	}},
	{"flag_type.toml", []string{
		`testdata/bad/flag_type.toml:12:17: option "p".cached_prompt: expected true or false, got a string ("yes")`,
	}},
	{"ft_closed.toml", []string{
		`testdata/bad/ft_closed.toml:11:14: warning: option "ft".base_model "gpt-4.1": its managed fine-tuning is closed to new users`,
	}},
	{"fraction.toml", []string{
		`testdata/bad/fraction.toml:15:26: option "rag-4o".corpus_churn_per_month = 1.5: must be a number from 0 to 1`,
	}},
	{"full_lora.toml", []string{
		`testdata/bad/full_lora.toml:18:1: warning: option "ft".lora_rank ignored: method "full" has no adapter`,
		`testdata/bad/full_lora.toml:19:1: warning: option "ft".merged ignored: method "full" has no adapter`,
	}},
	{"horizon.toml", []string{
		`testdata/bad/horizon.toml:1:18: horizon_months = 200: must be a whole number from 1 to 120`,
	}},
	{"kind_typo.toml", []string{
		`testdata/bad/kind_typo.toml:10:8: option "p".kind = "finetnue": must be one of "finetune", "rag" or "prompt"; did you mean "finetune"?`,
	}},
	{"lora_rank_negative.toml", []string{
		`testdata/bad/lora_rank_negative.toml:18:13: option "ft".lora_rank = -4: must be a whole number from 1 to 65536`,
	}},
	{"missing_names.toml", []string{
		`testdata/bad/missing_names.toml:1:1: missing name (a non-empty string naming the scenario)`,
		`testdata/bad/missing_names.toml:8:1: option #1 is missing kind (one of "finetune", "rag" or "prompt")`,
		`testdata/bad/missing_names.toml:8:1: option #1 is missing name (a string unique in the scenario)`,
	}},
	{"missing_required.toml", []string{
		`testdata/bad/missing_required.toml:8:1: option "ft-mini" is missing train_examples (a whole number from 0 to 1e15)`,
		`testdata/bad/missing_required.toml:8:1: option "ft-mini" is missing curation_hours (a number from 0 to 10,000,000)`,
	}},
	{"nan.toml", []string{
		`testdata/bad/nan.toml:6:17: workload.output_tokens = nan: must be a finite number`,
	}},
	{"nf4.toml", []string{
		`testdata/bad/nf4.toml:18:19: option "ft".serve_precision = "nf4": only a qlora fine-tune serves nf4 weights`,
	}},
	{"no_options.toml", []string{
		`testdata/bad/no_options.toml:1:1: missing [[option]] tables: a scenario compares at least one option`,
	}},
	{"no_spot.toml", []string{
		`testdata/bad/no_spot.toml:18:17: option "ft".serve_pricing = "spot": offer "aws/g5.xlarge" has no spot price`,
	}},
	{"not_a_table.toml", []string{
		`testdata/bad/not_a_table.toml:2:1: workload must be a table ([workload]), got a number (5)`,
	}},
	{"not_apply_kind.toml", []string{
		`testdata/bad/not_apply_kind.toml:15:1: option "rag-4o".lora_rank does not apply to kind "rag"`,
	}},
	{"option_key_typo.toml", []string{
		`testdata/bad/option_key_typo.toml:12:1: unknown key "prompt_overhead_tokes" in option "p"; did you mean "prompt_overhead_tokens"?`,
	}},
	{"option_table.toml", []string{
		`testdata/bad/option_table.toml:8:1: option must be an array of tables: write [[option]], not [option]`,
	}},
	{"range_bad_part.toml", []string{
		`testdata/bad/range_bad_part.toml:5:24: workload.input_tokens.low = -1: must be a number from 0 to 10,000,000`,
	}},
	{"range_order.toml", []string{
		`testdata/bad/range_order.toml:4:21: workload.queries_per_month: a range needs low ≤ likely ≤ high, got 5000, 3000, 9000`,
	}},
	{"range_unknown.toml", []string{
		`testdata/bad/range_unknown.toml:4:32: unknown key "mid" in workload.queries_per_month (a range has low, likely and high)`,
	}},
	{"self_missing.toml", []string{
		`testdata/bad/self_missing.toml:8:1: option "ft" is missing method (one of "full", "lora" or "qlora")`,
		`testdata/bad/self_missing.toml:8:1: option "ft" is missing train_offer (an offer id)`,
		`testdata/bad/self_missing.toml:8:1: option "ft" is missing serve_offer (an offer id)`,
	}},
	{"string_number.toml", []string{
		`testdata/bad/string_number.toml:5:16: workload.input_tokens: expected a number, got a string ("800")`,
	}},
	{"syntax.toml", []string{
		`testdata/bad/syntax.toml:5:15: expected a value, found the end of the line`,
	}},
	{"unknown_key.toml", []string{
		`testdata/bad/unknown_key.toml:4:1: unknown key "querys_per_month" in [workload]; did you mean "queries_per_month"?`,
	}},
	{"unknown_table.toml", []string{
		`testdata/bad/unknown_table.toml:3:1: unknown table [workloads]; did you mean [workload]?`,
	}},
	{"unknown_top.toml", []string{
		`testdata/bad/unknown_top.toml:1:1: unknown key "horizon" at the top level`,
		`testdata/bad/unknown_top.toml:13:1: unknown key "colour" in option "p"`,
	}},
	{"unmanaged.toml", []string{
		`testdata/bad/unmanaged.toml:11:14: option "ft".base_model "gpt-4o" is an api_model without managed fine-tuning (no train_per_mtok)`,
	}},
}

// v2 (MODEL.md "Changes from version 1"): the schema's cross-field rules.
func init() {
	badFiles = append(badFiles, []struct {
		file string
		want []string
	}{
		{"activation_fraction.toml", []string{
			`testdata/bad/activation_fraction.toml:17:1: warning: option "ft".activation_fraction is ignored: v2 computes activation memory from the architecture (F7): micro_batch_tokens, gradient_checkpointing, sharding and memory_overhead_gb replace it`,
		}},
		{"batch_tier.toml", []string{
			`testdata/bad/batch_tier.toml:12:12: option "p".api_tier = "batch": api_model "gpt-4o" has no batch prices (batch_input_per_mtok, batch_output_per_mtok); use "standard"; models with batch prices: gpt-4o-mini`,
			`testdata/bad/batch_tier.toml:21:12: option "ft".api_tier = "batch": a managed fine-tuned model has no batch tier; use "standard"`,
		}},
		// The user's report (M2): caching was silently ignored in the batch tier.
		{"batch_cached.toml", []string{
			`testdata/bad/batch_cached.toml:14:17: warning: option "p".cached_prompt has no effect in the batch tier: api_model "gpt-4o-mini" has no batch_cached_input_per_mtok, so the prompt overhead is priced at batch_input_per_mtok; add that price with --prices if the provider stacks both discounts, or compare api_tier = "standard" with caching`,
		}},
		{"deprecated.toml", []string{
			`testdata/bad/deprecated.toml:11:9: warning: option "p".model "gpt-4o-2024-05-13" is deprecated on 2027-06-30, before the end of the 24-month horizon (2028-11-29)`,
		}},
		// MODEL.md v3 §8 on today 2026-11-29, and F10's ft_jobs_end.
		{"lifecycle.toml", []string{
			`testdata/bad/lifecycle.toml:11:9: warning: option "p5".model "gpt-5" retires on 2026-12-11, in month 1 of the 24-month horizon: the option must migrate (its successor is "gpt-5.1")`,
			`testdata/bad/lifecycle.toml:16:9: option "nano".model "gpt-4.1-nano" retired on 2026-10-23 (on or before today, 2026-11-29); its successor is "gpt-5-nano"`,
			`testdata/bad/lifecycle.toml:25:14: warning: option "ft5".base_model "gpt-5" retires on 2026-12-11, in month 1 of the 24-month horizon: the option must migrate (its successor is "gpt-5.1"); tuning it again on "gpt-5.1" costs $7,700 once (adapters · (F11 + F12)), which the totals do not include`,
			`testdata/bad/lifecycle.toml:39:14: warning: option "mini".base_model "gpt-4.1-mini" retires on 2027-01-14, in month 2 of the 24-month horizon: the option must migrate (no successor named); the fine-tune must be tuned again on another model (not priced)`,
			`testdata/bad/lifecycle.toml:48:14: option "old".base_model "gpt-4.1-old": its provider stopped new fine-tuning jobs on 2026-11-01 (on or before today, 2026-11-29); choose a model whose provider still tunes`,
		}},
		{"fp8_no_gpu.toml", []string{
			`testdata/bad/fp8_no_gpu.toml:17:19: option "ft".train_precision = "fp8": gpu "a100-40gb" of train_offer "aws/p4d.24xlarge" has no fp8_tflops; use "bf16" or an offer whose GPU has FP8 (GPUs with FP8: h100-sxm)`,
			`testdata/bad/fp8_no_gpu.toml:19:19: option "ft".serve_precision = "fp8": gpu "a10g" of serve_offer "aws/g5.xlarge" has no fp8_tflops; use "bf16" or an offer whose GPU has FP8 (GPUs with FP8: h100-sxm)`,
		}},
		{"fp8_qlora.toml", []string{
			`testdata/bad/fp8_qlora.toml:17:19: option "ft".train_precision = "fp8": a qlora fine-tune computes in bf16 (its 4-bit base is dequantised to bf16); use "bf16" or method "lora"`,
		}},
		{"tp_degree.toml", []string{
			`testdata/bad/tp_degree.toml:13:19: option "p".tensor_parallel = 3: must be one of 0, 1, 2, 4, 8`,
		}},
		{"tp_offer.toml", []string{
			`testdata/bad/tp_offer.toml:13:19: option "p".tensor_parallel = 4: offer "aws/g5.xlarge" has 1 GPU per instance; use at most 1, or 0 for the fewest that fit`,
		}},
		{"short_name.toml", []string{
			`testdata/bad/short_name.toml:13:14: option "ft".short_name = "QLoRA fine-tune, 8B": 19 characters, at most 16 (a short label for narrow columns)`,
		}},
	}...)
}

// v3 (MODEL.md "Changes from version 2"): efficiencies in (0, 1], state
// bytes > 0, and F25a's evaluation counts.
func init() {
	badFiles = append(badFiles, []struct {
		file string
		want []string
	}{
		{"v3_efficiency.toml", []string{
			`testdata/bad/v3_efficiency.toml:18:25: option "ft".trainable_state_bytes = 0: must be a number greater than 0 and at most 64`,
			`testdata/bad/v3_efficiency.toml:19:18: option "ft".fp8_efficiency = 1.2: must be a number greater than 0 and at most 1`,
			`testdata/bad/v3_efficiency.toml:20:32: option "ft".bandwidth_efficiency.low = 0: must be a number greater than 0 and at most 1`,
			`testdata/bad/v3_efficiency.toml:21:22: option "ft".prefill_efficiency = -0.5: must be a number greater than 0 and at most 1`,
		}},
		{"v3_counts.toml", []string{
			`testdata/bad/v3_counts.toml:12:24: option "p".accuracy.correct = 21 is more than of = 20: correct must be from 0 to of`,
			`testdata/bad/v3_counts.toml:18:32: option "q".accuracy.of = 0: the evaluation needs at least 1 example (of ≥ 1)`,
			`testdata/bad/v3_counts.toml:24:24: option "r".accuracy.correct: expected a whole number (0 or more), got a number (0.5)`,
			`testdata/bad/v3_counts.toml:24:29: unknown key "off" in option "r".accuracy (evaluation counts have correct and of); did you mean "of"?`,
		}},
		{"eval_checks.toml", []string{
			`testdata/bad/eval_checks.toml:13:15: option "ft".eval_checks: "general_knowlege" is not one of "general_knowledge", "diversity", "safety", "format" or "regression"; did you mean "general_knowledge"?`,
		}},
	}...)
}
