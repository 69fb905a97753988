package site

import (
	"path"
	"slices"
	"strings"

	"github.com/mpsplan/mpsplan/render/doc"
)

// mediaTypes are the media types of the files a document links to.
var mediaTypes = map[string]string{"pdf": "application/pdf", "md": "text/markdown", "csv": "text/csv", "json": "application/json"}

// DocumentLinks are the links a plan's or an annual report's HTML carries
// (doc.Document.Links): the document's other formats that were built, and
// its plan's figures as CSV and JSON (PlanData), all in the plan's folder
// beside it, so that the page is the same whether one plan or the whole
// site is built, and its links hold wherever the folder is served.
func DocumentLinks(planID string, d *doc.Document, formats []string) []doc.Link {
	var out []doc.Link
	for _, f := range []string{"pdf", "md"} {
		if slices.Contains(formats, f) {
			out = append(out, doc.Link{Label: formatNames[f], Href: d.ID + "." + f, Type: mediaTypes[f]})
		}
	}
	for _, ext := range []string{"csv", "json"} {
		out = append(out, doc.Link{Label: "Figures (" + strings.ToUpper(ext) + ")",
			Href: path.Base(planDataPath(planID, ext)), Type: mediaTypes[ext]})
	}
	return out
}
