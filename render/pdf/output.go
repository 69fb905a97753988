package pdf

import (
	"io"

	"codeberg.org/go-pdf/fpdf"
)

// writeTagged adds the collected links and writes the file.
func writeTagged(w io.Writer, f *fpdf.Fpdf, l *layout) error {
	for _, lk := range l.c.links {
		l.gotoPage(lk.page)
		if a, ok := l.c.resolve(lk.target); ok {
			id := f.AddLink()
			f.SetLink(id, a.y, a.page)
			f.Link(lk.x, lk.y, lk.w, lk.h, id)
		} else {
			f.LinkString(lk.x, lk.y, lk.w, lk.h, lk.target)
		}
	}
	// fpdf writes pages up to the current one only.
	f.SetPage(f.PageCount())
	return f.Output(w)
}
