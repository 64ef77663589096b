package workspace

// IsPriceSheetData reports whether data is a price sheet (TOML with a
// [sheet] table) rather than a scenario: diff --rev uses it to leave the
// sheets kept beside the scenarios out of a folder as it was at a revision.
func IsPriceSheetData(data []byte) bool { return isPriceSheetData(data) }
