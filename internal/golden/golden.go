// Package golden compares what a test made with a golden file (the output
// checked into the repository) and, when the tests run with -update,
// rewrites the file instead. Every package with golden files uses it, so
// one command, the README's, rewrites them all:
//
//	go test ./plan ./cmd/mpsplan ./render/markup ./render/pdf ./render/report -update
//
// It names the packages because a package whose tests do not import golden
// has no -update flag, and its test binary would stop on the unknown flag
// (so go test ./... -update fails). TestReadmeUpdateCommand keeps the
// README's list equal to the packages that use golden.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite golden files with the output of this run")

// pkgDir is the test's package folder: go test starts the test binary
// there, and a test may change folder (t.Chdir) before it checks.
var pkgDir, _ = os.Getwd()

// Update reports whether this run rewrites golden files rather than
// comparing with them.
func Update() bool { return *update }

// Check compares got with the golden file at path (relative to the test's
// package folder). Under -update it writes got to path instead, making the
// folder if need be. A difference fails t, naming the file, the first line
// that differs (or the sizes, for a binary file) and the command that
// rewrites it.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (%s to create it)", err, rerun(t))
	}
	if bytes.Equal(got, want) {
		return
	}
	t.Errorf("%s differs from the golden file: %s\n(%s if the change is intended, and read the diff)", path, Diff(want, got), rerun(t))
}

// Diff describes where got first differs from want: the line, as want and
// got print it, or for binary data the sizes. Empty when they are equal.
func Diff(want, got []byte) string {
	if bytes.Equal(want, got) {
		return ""
	}
	if !text(want) || !text(got) {
		return fmt.Sprintf("%d bytes, want %d", len(got), len(want))
	}
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := range max(len(w), len(g)) {
		a, b := "(end of file)", "(end of file)"
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n got: %q\nwant: %q", i+1, b, a)
		}
	}
	return "" // unreachable: equal lines make equal bytes
}

func text(b []byte) bool { return utf8.Valid(b) && bytes.IndexByte(b, 0) < 0 }

// rerun is the command that rewrites t's golden files: go test, the
// package as seen from the module root, the top-level test, -update.
func rerun(t testing.TB) string {
	pkg := "."
	if wd := pkgDir; wd != "" {
		for dir := wd; ; dir = filepath.Dir(dir) {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				if rel, err := filepath.Rel(dir, wd); err == nil && rel != "." {
					pkg = "./" + filepath.ToSlash(rel)
				}
				break
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	name, _, _ := strings.Cut(t.Name(), "/")
	return fmt.Sprintf("run go test %s -run '^%s$' -update", pkg, name)
}
