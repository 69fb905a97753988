// Package gfmtest reads Markdown back the way a GitHub-flavoured Markdown
// reader would, for tests of what the Markdown writers and escapers make.
package gfmtest

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
)

// reader keeps raw HTML, so a test can see whether any got through.
var reader = goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))

// HTML renders src as a GFM reader would, raw HTML kept as written.
func HTML(t testing.TB, src []byte) string {
	t.Helper()
	var b bytes.Buffer
	if err := reader.Convert(src, &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
