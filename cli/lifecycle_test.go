package cli

import (
	"strings"
	"testing"
)

// MODEL.md v3 §8 on --today 2026-12-07: a model that retires inside the
// horizon warns with its date, month and successor, and the verdict says
// the option must migrate; one retired before today is an error.
func TestCheckLifecycle(t *testing.T) {
	out, errOut, code := run(t, "check", "--today", "2026-12-07", "testdata/lifecycle/gpt5.toml")
	want := `testdata/lifecycle/gpt5.toml:10:9: warning: option "prompted".model "gpt-5" retires on 2026-12-11, in month 1 of the 24-month horizon: the option must migrate (its successor is "gpt-5.1")`
	if code != ExitOK || !strings.Contains(out+errOut, want) {
		t.Errorf("exit %d\n%s%s\nwant %s", code, out, errOut, want)
	}
	// Tuning again on gpt-5.1 (train_per_mtok 30, defaults for the rest): the
	// warning's figure is model.RetuneCost's, pinned by the scenarios test.
	if !strings.Contains(errOut+out, `tuning it again on "gpt-5.1" costs $7,420 once`) {
		t.Errorf("no re-tuning cost:\n%s%s", out, errOut)
	}
	out, _, _ = run(t, "export", "--today", "2026-12-07", "--format", "md", "testdata/lifecycle/gpt5.toml")
	if !strings.Contains(strings.Join(strings.Fields(out), " "), "prompted must migrate: gpt-5 retires on 2026-12-11 (month 1), succeeded by gpt-5.1") {
		t.Errorf("the verdict does not say the option must migrate:\n%s", out)
	}

	out, errOut, code = run(t, "check", "--today", "2026-12-07", "testdata/lifecycle/nano.toml")
	want = `testdata/lifecycle/nano.toml:10:9: option "prompted".model "gpt-4.1-nano" retired on 2026-10-23 (on or before today, 2026-12-07); its successor is "gpt-5.1"`
	if code != ExitInvalid || !strings.Contains(out+errOut, want) {
		t.Errorf("exit %d\n%s%s\nwant %s", code, out, errOut, want)
	}
}

// tunecost prices says when a model retires and what succeeds it.
func TestPricesListsRetirement(t *testing.T) {
	out, errOut, code := run(t, "prices", "--sheet", "testdata/lifecycle/sheet.toml")
	if code != ExitOK || !strings.Contains(out, "retires 2026-12-11, successor gpt-5.1") {
		t.Errorf("exit %d %s\n%s", code, errOut, out)
	}
}
