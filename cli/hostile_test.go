package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hostileDir holds scenarios that other people's repositories might hold:
// each must fail (or pass) with exactly one precise line, never a panic,
// a cascade or a raw control character.
const hostileDir = "../testdata/hostile"

// hostileFiles pairs every scenario in hostileDir with check's exit code and
// its one line on stderr. A line starts with the path relative to
// hostileDir; {dir} stands for hostileDir and {tree} for where the
// scenario's paths must stay.
var hostileFiles = []struct {
	file string
	exit int
	line string
}{
	{"binary.toml", 1, `binary.toml:1:1: files cannot contain NULL bytes; probably using UTF-16; TOML files must be UTF-8`},
	{"bom_crlf_error.toml", 1, `bom_crlf_error.toml:5:16: workload.input_tokens = -1: must be a number from 0 to 10,000,000`},
	{"bom_valid.toml", 0, ``},
	{"clear_screen_option.toml", 1, `clear_screen_option.toml:9:8: option #1.name = "\x1b[2J\x1b[H": contains a control character (U+001B)`},
	{"comments_only.toml", 1, `comments_only.toml:1:1: empty scenario: it needs a name, a [workload] table and at least one [[option]]`},
	{"crlf_valid.toml", 0, ``},
	{"currency_lowercase.toml", 1, `currency_lowercase.toml:2:12: currency = "usd": must be three upper-case letters, like "USD"`},
	// MODEL.md v3: the built-in USD sheet is converted into the scenario's EUR, and no sheet has a rate.
	{"currency_mismatch.toml", 1, `currency_mismatch.toml:2:12: sheet "tunecost built-in" (builtin.toml) is in USD and the scenario in EUR, but no [[exchange_rate]] joining USD and EUR is dated on or before 2026-12-01: add one to a sheet (from, to, rate, as_of, source)`},
	{"dangling_embedding.toml", 1, `dangling_embedding.toml:13:13: option "rag".embedding "text-embedding-9" is not an embedding in the price catalog`},
	{"dangling_model.toml", 1, `dangling_model.toml:11:9: option "p".model "gpt-9-ultra" is not an open_model or an api_model`},
	{"dangling_offer.toml", 1, `dangling_offer.toml:12:15: option "self".serve_offer "aws/g5.xlarg" is not an offer in the price catalog; did you mean "aws/g5.xlarge"?`},
	{"deep_array.toml", 1, `deep_array.toml:2:50: arrays and inline tables nest deeper than 32 levels`},
	{"deep_inline.toml", 1, `deep_inline.toml:2:165: arrays and inline tables nest deeper than 32 levels`},
	{"dup_key.toml", 1, `dup_key.toml:7:1: key 'workload.input_tokens' is defined twice`},
	{"dup_option_name.toml", 1, `dup_option_name.toml:14:8: option name "p" is already used by the option at line 9`},
	{"dup_table.toml", 1, `dup_table.toml:8:1: key 'workload' is defined twice`},
	{"empty.toml", 1, `empty.toml:1:1: empty scenario: it needs a name, a [workload] table and at least one [[option]]`},
	{"extends_abs.toml", 1, `extends_abs.toml:1:11: extends = "/etc/passwd": must be a relative path`},
	{"extends_base_error.toml", 1, `bases/bad.toml:12:15: team.hourly_rate = -1: must be a number from 0 to 1,000,000`},
	{"extends_cycle_a.toml", 1, `extends_cycle_a.toml:1:11: extends cycle: {dir}/extends_cycle_a.toml → {dir}/extends_cycle_b.toml → {dir}/extends_cycle_a.toml ({dir}/extends_cycle_b.toml:1:11 extends {dir}/extends_cycle_a.toml)`},
	{"extends_cycle_b.toml", 1, `extends_cycle_b.toml:1:11: extends cycle: {dir}/extends_cycle_b.toml → {dir}/extends_cycle_a.toml → {dir}/extends_cycle_b.toml ({dir}/extends_cycle_a.toml:1:11 extends {dir}/extends_cycle_b.toml)`},
	{"extends_escape.toml", 1, `extends_escape.toml:1:11: extends = "../../../../../../../../../../etc/passwd": must stay inside the scenario's {tree}`},
	{"extends_missing.toml", 1, `extends_missing.toml:1:11: extends = "bases/nope.toml": cannot read: no such file`},
	{"extends_missing_key.toml", 1, `bases/partial.toml:1:1: [workload] is missing output_tokens (a number from 0 to 10,000,000)`},
	{"extends_not_string.toml", 1, `extends_not_string.toml:1:11: extends: expected a string, got an array`},
	{"extends_ok.toml", 0, ``},
	{"extends_self.toml", 1, `extends_self.toml:1:11: extends cycle: {dir}/extends_self.toml extends itself`},
	{"extends_too_deep.toml", 1, `bases/deep8.toml:1:11: extends = "deep9.toml": too deep: a scenario may extend at most 8 files in a chain`},
	{"extends_warning.toml", 0, `bases/closed.toml:9:14: warning: option "ft".base_model "gpt-4o-mini": its managed fine-tuning is closed to new users`},
	{"fraction_horizon.toml", 1, `fraction_horizon.toml:2:18: horizon_months = 12.5: must be a whole number from 1 to 120`},
	{"huge_horizon.toml", 1, `huge_horizon.toml:2:18: horizon_months = 1e308: must be a whole number from 1 to 120`},
	{"huge_int.toml", 1, `huge_int.toml:12:21: option "p".integration_hours = 9223372036854775807: must be a number from 0 to 10,000,000`},
	{"huge_queries.toml", 1, `huge_queries.toml:4:21: workload.queries_per_month = 1e308: must be a number greater than 0 and at most 1e15`},
	{"huge_tokens.toml", 1, `huge_tokens.toml:5:16: workload.input_tokens = 1e308: must be a number from 0 to 10,000,000`},
	{"inf.toml", 1, `inf.toml:6:17: workload.output_tokens = +inf: must be a finite number`},
	{"int_overflow.toml", 1, `int_overflow.toml:12:21: 9223372036854775808 is out of range for int64`},
	{"invalid_utf8.toml", 1, `invalid_utf8.toml:1:9: invalid UTF-8 byte: 0xe9`},
	{"kind_typo.toml", 1, `kind_typo.toml:10:8: option "p".kind = "promt": must be one of "finetune", "rag" or "prompt"; did you mean "prompt"?`},
	{"long_name.toml", 1, `long_name.toml:1:8: name is 300 characters long; at most 200`},
	{"long_option_name.toml", 1, `long_option_name.toml:9:8: option #1.name is 201 characters long; at most 200`},
	{"missing_kind.toml", 1, `missing_kind.toml:8:1: option "p" is missing kind (one of "finetune", "rag" or "prompt")`},
	{"missing_name.toml", 1, `missing_name.toml:1:1: missing name (a non-empty string naming the scenario)`},
	{"missing_workload.toml", 1, `missing_workload.toml:1:1: missing [workload] table (with queries_per_month, input_tokens and output_tokens)`},
	{"missing_workload_key.toml", 1, `missing_workload_key.toml:3:1: [workload] is missing output_tokens (a number from 0 to 10,000,000)`},
	{"nan.toml", 1, `nan.toml:6:17: workload.output_tokens = nan: must be a finite number`},
	{"neg_inf_range.toml", 1, `neg_inf_range.toml:5:24: workload.input_tokens.low = -inf: must be a finite number`},
	{"negative_queries.toml", 1, `negative_queries.toml:4:21: workload.queries_per_month = -5: must be a number greater than 0 and at most 1e15`},
	{"osc52_name.toml", 1, `osc52_name.toml:1:8: name = "\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\a": contains a control character (U+001B)`},
	{"raw_escape.toml", 1, `raw_escape.toml:1:11: TOML files cannot contain control characters: '0x1b'`},
	{"sheet_abs.toml", 1, `sheet_abs.toml:2:17: price_sheets[0] = "/etc/passwd": must be a relative path`},
	{"sheet_bad.toml", 1, `sheets/bad.toml:8:18: api_model "m": input_per_mtok must be >= 0, got -1`},
	{"sheet_deep.toml", 1, `sheets/deep.toml:5:37: arrays and inline tables nest deeper than 32 levels`},
	{"sheet_escape.toml", 1, `sheet_escape.toml:2:17: price_sheets[0] = "../../../../../../../../../../etc/passwd": must stay inside the scenario's {tree}`},
	{"sheet_missing.toml", 1, `sheet_missing.toml:2:17: cannot read price sheet "sheets/nope.toml": no such file`},
	{"sheet_not_string.toml", 1, `sheet_not_string.toml:2:17: price_sheets[0]: expected a string, got a number (42)`},
	{"syntax_bad_header.toml", 1, `syntax_bad_header.toml:3:10: expected '.' or ']' to end table name, found the end of the line`},
	{"syntax_missing_value.toml", 1, `syntax_missing_value.toml:5:15: expected a value, found the end of the line`},
	{"syntax_unclosed_string.toml", 1, `syntax_unclosed_string.toml:1:17: strings cannot contain newlines`},
	{"title_description.toml", 1, `title_description.toml:2:15: description = "\x1b]0;pwned\a": contains a control character (U+001B)`},
	{"too_many_options.toml", 1, `too_many_options.toml:328:1: too many options: 65, at most 64 per scenario`},
	{"too_many_sheets.toml", 1, `too_many_sheets.toml:35:3: price_sheets[32]: too many price sheets: 33, at most 32 per run`},
	{"unknown_key_option.toml", 1, `unknown_key_option.toml:12:1: unknown key "temprature" in option "p"`},
	{"unknown_key_top.toml", 1, `unknown_key_top.toml:2:1: unknown key "horizon" at the top level`},
	{"unknown_table.toml", 1, `unknown_table.toml:8:1: unknown table [teams]; did you mean [team]?`},
	{"utf16.toml", 1, `utf16.toml:1:1: files cannot contain NULL bytes; probably using UTF-16; TOML files must be UTF-8`},
	{"warnings_only.toml", 0, `warnings_only.toml:11:14: warning: option "ft".base_model "gpt-4o-mini": its managed fine-tuning is closed to new users`},
	{"wrong_type_date.toml", 1, `wrong_type_date.toml:2:18: horizon_months: expected a number, got a date-time`},
	{"wrong_type_flag.toml", 1, `wrong_type_flag.toml:12:17: option "p".cached_prompt: expected true or false, got a string ("yes")`},
	{"wrong_type_option.toml", 1, `wrong_type_option.toml:2:1: option: expected [[option]] tables, got a string ("p")`},
	{"wrong_type_string_number.toml", 1, `wrong_type_string_number.toml:5:16: workload.input_tokens: expected a number, got a string ("100")`},
	{"wrong_type_table.toml", 1, `wrong_type_table.toml:2:1: workload must be a table ([workload]), got a number (5)`},
	{"zero_queries.toml", 1, `zero_queries.toml:4:21: workload.queries_per_month = 0: must be a number greater than 0 and at most 1e15`},
}

func TestHostileFiles(t *testing.T) {
	seen := map[string]bool{}
	tree := hostileTree(t)
	for _, c := range hostileFiles {
		seen[c.file] = true
		t.Run(c.file, func(t *testing.T) {
			want := ""
			if c.line != "" {
				want = hostileDir + "/" + strings.NewReplacer("{dir}", hostileDir, "{tree}", tree).Replace(c.line) + "\n"
			}
			assertOneLine(t, []string{"check", filepath.Join(hostileDir, c.file)}, c.exit, want)
		})
	}
	files, _ := os.ReadDir(hostileDir)
	for _, f := range files {
		if !f.IsDir() && !seen[f.Name()] {
			t.Errorf("%s has no case in hostileFiles", f.Name())
		}
	}
	if len(seen) < 40 {
		t.Errorf("only %d hostile files", len(seen))
	}
}

// assertOneLine runs a command and checks its exit code and its whole
// stderr, and that nothing a terminal would act on reaches either stream.
func assertOneLine(t *testing.T, args []string, exit int, want string) {
	t.Helper()
	out, errOut, code := run(t, args...)
	if code != exit || errOut != want {
		t.Errorf("exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", code, errOut, exit, want)
	}
	// ESC, BEL, and the C1 controls CSI and OSC as UTF-8 (U+009B, U+009D);
	// "\x9b" alone is no rune, and ContainsAny looked for U+FFFD instead.
	if strings.ContainsAny(out+errOut, "\x1b\x07\u009b\u009d") {
		t.Errorf("a control character reached the terminal: %q %q", out, errOut)
	}
}

// hostileTree says where hostileDir's paths must stay: its git work tree,
// else the folder itself (a checkout without .git).
func hostileTree(t *testing.T) string {
	dir, err := filepath.Abs(hostileDir)
	if err != nil {
		t.Fatal(err)
	}
	dir, _ = filepath.EvalSymlinks(dir)
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return "git work tree (" + d + ")"
		}
		if filepath.Dir(d) == d {
			return "folder (" + dir + ")"
		}
	}
}

// Files too big to commit, and symbolic links, are made in a temporary
// folder (outside any git work tree: the scenario's folder is the limit).
func TestHostileGenerated(t *testing.T) {
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, content string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	scenario := "name = \"s\"\n[workload]\nqueries_per_month = 1000\ninput_tokens = 100\noutput_tokens = 100\n" +
		"[[option]]\nname = \"p\"\nkind = \"prompt\"\nmodel = \"gpt-4o\"\n"
	sheet := "[sheet]\nname = \"x\"\ncurrency = \"USD\"\nas_of = 2026-10-01\n"

	// 10 MB: refused before it is parsed.
	big := write("s/big.toml", "# "+strings.Repeat("x", 10<<20)+"\n"+scenario)
	assertOneLine(t, []string{"check", big}, 1, big+":1:1: cannot read: file is larger than 1 MiB, the most tunecost reads\n")

	// A symbolic link that leads out of the scenario's folder.
	write("secret.toml", sheet)
	link := filepath.Join(dir, "s", "prices.toml")
	if err := os.Symlink(filepath.Join(dir, "secret.toml"), link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	s := write("s/link.toml", "price_sheets = [\"prices.toml\"]\n"+scenario)
	assertOneLine(t, []string{"check", s}, 1, s+`:1:17: price_sheets[0] = "prices.toml": must stay inside the scenario's folder (`+filepath.Join(dir, "s")+")\n")

	// A sheet with more entries than any real catalog.
	var b strings.Builder
	b.WriteString(sheet)
	for i := 0; i <= 20000; i++ {
		fmt.Fprintf(&b, "[[api_model]]\nid = \"m%d\"\ninput_per_mtok = 1\noutput_per_mtok = 1\n", i)
	}
	write("s/many.toml", b.String())
	s = write("s/many_entries.toml", "price_sheets = [\"many.toml\"]\n"+scenario)
	assertOneLine(t, []string{"check", s}, 1, filepath.Join(dir, "s", "many.toml")+":80005:1: too many entries: more than 20000 in one sheet\n")
}

// The campaign's M6 on the command line: --out naming a symbolic link is
// refused with the link's target, and the target is left alone, unless
// --through-link says to write through it.
func TestExportOutRefusesALink(t *testing.T) {
	dir := t.TempDir()
	victim := filepath.Join(t.TempDir(), "victim.txt")
	if err := os.WriteFile(victim, []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "s.md")
	if err := os.Symlink(victim, link); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runPinned(t, "export", "--out", link, "../examples/support-assistant.toml")
	if code != ExitInvalid || !strings.Contains(errOut, link+" is a symbolic link to "+victim+": not written") || !strings.Contains(errOut, "--through-link") {
		t.Errorf("exit %d, %q", code, errOut)
	}
	if data, _ := os.ReadFile(victim); string(data) != "mine\n" {
		t.Errorf("the link's target was written")
	}
	if _, errOut, code := runPinned(t, "export", "--through-link", "--out", link, "../examples/support-assistant.toml"); code != ExitOK {
		t.Fatalf("--through-link: exit %d, %s", code, errOut)
	}
	if data, _ := os.ReadFile(victim); !strings.Contains(string(data), "# ") {
		t.Errorf("--through-link did not write through the link: %q", data)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link")
	}
}
