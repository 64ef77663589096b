package model

import (
	"fmt"
	"strings"
)

// FieldsMarkdown documents every scenario input as Markdown tables, one per
// section, straight from the registry (docs/scenario.md is this text, and a
// test keeps it current).
func FieldsMarkdown() string {
	var b strings.Builder
	b.WriteString("# Scenario fields\n\n")
	b.WriteString("Generated from the field registry (`model/fieldtable.go`); `go test ./model -update` rewrites it.\n")
	b.WriteString("A numeric field may also be written as a range, `x = { low = 1, likely = 2, high = 3 }`;\n")
	b.WriteString("the comparison uses `likely`.\n\n")
	b.WriteString("Top level: `name` (required), `description`, `currency` (default USD), `price_sheets`\n")
	b.WriteString("(paths relative to the scenario, inside its git work tree, or its folder where there is none),\n`extends` (docs/scenario-extends.md), and the fields below.\n")
	for _, sec := range []Section{SectionTop, SectionWorkload, SectionTeam, SectionOption} {
		title := map[Section]string{SectionTop: "Top level", SectionWorkload: "[workload]", SectionTeam: "[team]",
			SectionOption: "[[option]] (each has `name` and `kind` = finetune | rag | prompt)"}[sec]
		fmt.Fprintf(&b, "\n## %s\n\n| field | applies to | default | valid | meaning |\n|---|---|---|---|---|\n", title)
		for _, f := range SectionFields(sec) {
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", f.Key, f.appliesText(), f.defaultText(), f.validText(), f.Doc)
		}
	}
	return b.String()
}

func (f *Field) appliesText() string {
	if f.Section != SectionOption {
		return "all"
	}
	kinds := "all kinds"
	if f.Kinds != nil {
		parts := make([]string, len(f.Kinds))
		for i, k := range f.Kinds {
			parts[i] = string(k)
		}
		kinds = strings.Join(parts, ", ")
	}
	switch f.Hosting {
	case SelfHostedOnly:
		kinds += ", self-hosted"
	case APIOnly:
		kinds += ", API models"
	}
	if f.Methods != nil {
		kinds += " (" + strings.Join(f.Methods, ", ") + ")"
	}
	return kinds
}

func (f *Field) defaultText() string {
	switch {
	case f.Required:
		return "required"
	case f.Type == Flag:
		return fmt.Sprint(f.DefaultFlag)
	case f.Type == Text && f.DefaultText != "":
		return fmt.Sprintf("%q", f.DefaultText)
	case f.Type == Text:
		return "—"
	case f.DefaultNum == nil:
		return "unset"
	}
	switch f.Key {
	case "mfu":
		return "full 0.45, lora 0.45, qlora 0.36 (× I_e / (I_e + 4000) on a mixture of experts)"
	case "bandwidth_efficiency":
		return "bf16 0.75, fp8 0.65, int8 0.65, int4 0.45, nf4 0.40"
	case "expert_hourly_rate":
		return "hourly_rate"
	case "retune_curation_hours":
		return "curation_hours / 4"
	case "maintenance_hours_per_month":
		return "finetune 8, rag 16, prompt 4"
	}
	return formatBound(f.DefaultNum(&Scenario{}, &Option{}))
}

func (f *Field) validText() string {
	switch f.Type {
	case Flag:
		return "true or false"
	case Text:
		if f.Choices != nil {
			return strings.Join(f.Choices, " \\| ")
		}
		return map[Ref]string{RefBase: "open_model or managed api_model id", RefModel: "open_model or api_model id",
			RefOffer: "offer id", RefEmbedding: "embedding id", RefVectorDB: "vector_db id"}[f.Ref]
	}
	return f.RangeText()
}
