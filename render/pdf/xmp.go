package pdf

import (
	"encoding/xml"
	"strings"

	"github.com/mpsplan/mpsplan/render/doc"
)

// xmp is the document's XMP metadata: title, authors, subject, language,
// dates (none for an undated document), and the PDF/UA identification
// that tells a reader the file is tagged for accessibility.
func xmp(d *doc.Document) []byte {
	esc := func(s string) string {
		var b strings.Builder
		_ = xml.EscapeText(&b, []byte(clean(s)))
		return b.String()
	}
	var b strings.Builder
	b.WriteString(`<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc(d.Title) + `</rdf:li></rdf:Alt></dc:title>
`)
	if len(d.Organisations) > 0 {
		b.WriteString("<dc:creator><rdf:Seq>")
		for _, o := range d.Organisations {
			b.WriteString("<rdf:li>" + esc(o) + "</rdf:li>")
		}
		b.WriteString("</rdf:Seq></dc:creator>\n")
	}
	b.WriteString(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">` + esc(subject(d)) + `</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>
<pdf:Keywords>` + esc(strings.Join(d.Keywords, ", ")) + `</pdf:Keywords>
<pdf:Producer>mpsplan with fpdf</pdf:Producer>
<xmp:CreatorTool>mpsplan</xmp:CreatorTool>
`)
	if !d.Created.IsZero() {
		date := d.Created.UTC().Format("2006-01-02T15:04:05Z")
		b.WriteString("<xmp:CreateDate>" + date + "</xmp:CreateDate>\n<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n")
	}
	b.WriteString(`<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`)
	return []byte(b.String())
}
