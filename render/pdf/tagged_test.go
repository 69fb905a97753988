package pdf_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mpsplan/mpsplan/internal/golden"
	"github.com/mpsplan/mpsplan/render/doc"
	"github.com/mpsplan/mpsplan/render/pdf"
	"github.com/mpsplan/mpsplan/render/tooltest"
)

var annotRef = regexp.MustCompile(`Object \d+ \d+`)

// TestStructGolden compares pdfinfo -struct-text of every plan's PDF, the
// structure tree in reading order with its text, with a golden file.
func TestStructGolden(t *testing.T) {
	for _, id := range planIDs(t) {
		t.Run(id, func(t *testing.T) {
			t.Parallel()
			path, _ := writePDF(t, planDoc(t, id))
			if info := run(t, "pdfinfo", path); !strings.Contains(info, "Tagged:          yes") {
				t.Errorf("pdfinfo does not report a tagged file:\n%s", info)
			}
			// Annotation object numbers change whenever any element is
			// added; the golden file keeps what a reader gets.
			got := annotRef.ReplaceAllString(run(t, "pdfinfo", "-struct-text", path), "link annotation")
			golden.Check(t, filepath.Join(tooltest.RepoRoot(), "testdata", "pdf", id+".struct.txt"), []byte(got))
		})
	}
}

// TestMarkedContent walks each written file (through qpdf's JSON, which
// decodes the streams) and proves the tagging sound: every marked-content
// ID on every page belongs to exactly one structure element and the parent
// tree maps it back to that element; every MCID in the tree is on its page;
// every link annotation belongs to the Link element the parent tree names;
// and nothing is painted outside marked content or an artifact.
func TestMarkedContent(t *testing.T) {
	docs := map[string]string{}
	for _, id := range planIDs(t) {
		path, _ := writePDF(t, planDoc(t, id))
		docs[id] = path
	}
	for _, d := range reportDocs(t) {
		path, _ := writePDF(t, d)
		docs["report "+d.ID] = path
	}
	for name, d := range hostile() {
		if d.ID == "" {
			d.ID = "empty"
		}
		path, _ := writePDF(t, d)
		docs["hostile "+name] = path
	}
	for name, path := range docs {
		t.Run(name, func(t *testing.T) {
			out := run(t, "qpdf", "--json", "--json-stream-data=inline", "--decode-level=generalized", path)
			if n := checkTagged(t, []byte(out)); n == 0 && name != "hostile empty" {
				t.Error("no marked content at all")
			}
		})
	}
}

type qpdfJSON struct {
	Pages []struct {
		Object   string   `json:"object"`
		Contents []string `json:"contents"`
	} `json:"pages"`
	Qpdf []json.RawMessage `json:"qpdf"`
}

type qobj struct {
	Value  any `json:"value"`
	Stream *struct {
		Dict map[string]any `json:"dict"`
		Data string         `json:"data"`
	} `json:"stream"`
}

type mcKey struct {
	page string
	mcid int
}

// checkTagged checks one file and returns how many MCIDs it checked.
func checkTagged(t *testing.T, raw []byte) int {
	var q qpdfJSON
	if err := json.Unmarshal(raw, &q); err != nil || len(q.Qpdf) < 2 {
		t.Fatalf("qpdf JSON: %v", err)
	}
	objs := map[string]qobj{}
	if err := json.Unmarshal(q.Qpdf[1], &objs); err != nil {
		t.Fatal(err)
	}
	dict := func(v any) map[string]any {
		if s, ok := v.(string); ok && strings.HasSuffix(s, " R") {
			v = objs["obj:"+s].Value
		}
		m, _ := v.(map[string]any)
		return m
	}
	num := func(v any) int {
		f, ok := v.(float64)
		if !ok {
			t.Fatalf("not a number: %v", v)
		}
		return int(f)
	}
	trailer := dict(objs["trailer"].Value)
	cat := dict(trailer["/Root"])
	if mi := dict(cat["/MarkInfo"]); mi["/Marked"] != true {
		t.Errorf("catalog /MarkInfo is %v", cat["/MarkInfo"])
	}
	if cat["/Lang"] != "u:en-GB" {
		t.Errorf("catalog /Lang is %v", cat["/Lang"])
	}
	if vp := dict(cat["/ViewerPreferences"]); vp["/DisplayDocTitle"] != true {
		t.Errorf("no /DisplayDocTitle")
	}
	root := dict(cat["/StructTreeRoot"])
	if root == nil {
		t.Fatal("no /StructTreeRoot")
	}

	// The tree: every MCR and OBJR, with the element holding it.
	tree := map[mcKey]string{}
	objr := map[string]string{} // annotation -> Link element
	seen := map[string]bool{}
	var walk func(ref string)
	walk = func(ref string) {
		if seen[ref] {
			t.Errorf("element %s appears twice in the tree", ref)
			return
		}
		seen[ref] = true
		e := dict(ref)
		// /Type is optional in a structure element; /S and /P are not.
		if e["/Type"] != nil && e["/Type"] != "/StructElem" || e["/S"] == nil || e["/P"] == nil {
			t.Errorf("%s is not a StructElem: %v", ref, e)
			return
		}
		if e["/S"] == "/Figure" && e["/Alt"] == nil {
			t.Errorf("figure %s has no /Alt", ref)
		}
		pg, _ := e["/Pg"].(string)
		kids, ok := e["/K"].([]any)
		if !ok {
			kids = []any{e["/K"]}
		}
		for _, k := range kids {
			switch k := k.(type) {
			case float64:
				key := mcKey{pg, int(k)}
				if pg == "" {
					t.Errorf("%s has an MCID but no /Pg", ref)
				}
				if prev, dup := tree[key]; dup {
					t.Errorf("MCID %v claimed by %s and %s", key, prev, ref)
				}
				tree[key] = ref
			case string:
				walk(k)
			case map[string]any:
				switch k["/Type"] {
				case "/MCR":
					key := mcKey{k["/Pg"].(string), num(k["/MCID"])}
					if prev, dup := tree[key]; dup {
						t.Errorf("MCID %v claimed by %s and %s", key, prev, ref)
					}
					tree[key] = ref
				case "/OBJR":
					objr[k["/Obj"].(string)] = ref
				default:
					t.Errorf("unexpected kid in %s: %v", ref, k)
				}
			case nil:
			default:
				t.Errorf("unexpected kid in %s: %v", ref, k)
			}
		}
	}
	rk, ok := root["/K"].(string)
	if !ok {
		t.Fatalf("StructTreeRoot /K is %v", root["/K"])
	}
	walk(rk)

	// The parent tree, key by key.
	parent := map[int]any{}
	nums, _ := dict(root["/ParentTree"])["/Nums"].([]any)
	for i := 0; i+1 < len(nums); i += 2 {
		parent[num(nums[i])] = nums[i+1]
	}

	// Every page: MCIDs in the content map to the tree and back; nothing
	// painted outside marked content.
	inContent := map[mcKey]bool{}
	for pi, p := range q.Pages {
		page := dict(p.Object)
		sp := num(page["/StructParents"])
		if page["/Tabs"] != "/S" {
			t.Errorf("page %d: /Tabs is %v", pi+1, page["/Tabs"])
		}
		arr, _ := parent[sp].([]any)
		var content strings.Builder
		for _, c := range p.Contents {
			s := objs["obj:"+c].Stream
			if s == nil {
				t.Fatalf("page %d: content %s is not a stream", pi+1, c)
			}
			data, err := base64.StdEncoding.DecodeString(s.Data)
			if err != nil {
				t.Fatal(err)
			}
			content.Write(data)
			content.WriteByte('\n')
		}
		mcids, bad := scanContent(content.String())
		for _, b := range bad {
			t.Errorf("page %d: %s", pi+1, b)
		}
		for _, m := range mcids {
			key := mcKey{p.Object, m}
			if inContent[key] {
				t.Errorf("page %d: MCID %d used twice", pi+1, m)
			}
			inContent[key] = true
			elem, ok := tree[key]
			if !ok {
				t.Errorf("page %d: MCID %d belongs to no structure element", pi+1, m)
				continue
			}
			if m >= len(arr) || arr[m] != elem {
				t.Errorf("page %d: parent tree maps MCID %d to %v, the tree to %s", pi+1, m, at(arr, m), elem)
			}
		}
		annots, _ := page["/Annots"].([]any)
		for _, a := range annots {
			ad := dict(a)
			link, ok := objr[a.(string)]
			if !ok {
				t.Errorf("page %d: annotation %v belongs to no element", pi+1, a)
				continue
			}
			if got := parent[num(ad["/StructParent"])]; got != link {
				t.Errorf("page %d: annotation %v: parent tree says %v, tree says %s", pi+1, a, got, link)
			}
			if ad["/Contents"] == nil {
				t.Errorf("page %d: annotation %v has no /Contents", pi+1, a)
			}
		}
	}
	for key, elem := range tree {
		if !inContent[key] {
			t.Errorf("element %s claims MCID %d on %s, which no content has", elem, key.mcid, key.page)
		}
	}
	return len(inContent)
}

func at(a []any, i int) any {
	if i < len(a) {
		return a[i]
	}
	return nil
}

// paints are the operators that make marks on the page.
var paints = map[string]bool{
	"Tj": true, "TJ": true, "'": true, `"`: true,
	"f": true, "F": true, "f*": true, "S": true, "s": true,
	"B": true, "B*": true, "b": true, "b*": true, "sh": true, "Do": true, "BI": true,
}

// scanContent reads a content stream and returns the MCIDs it marks, in
// order, and every violation: paint outside marked content or an artifact,
// an MCID nested in another, unbalanced BDC/EMC.
func scanContent(s string) (mcids []int, bad []string) {
	type mark struct {
		artifact bool
		mcid     int
	}
	var stack []mark
	var operands []string
	inside := func() (artifact, tagged bool) {
		for _, m := range stack {
			if m.artifact {
				artifact = true
			}
			if m.mcid >= 0 {
				tagged = true
			}
		}
		return
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t':
			i++
		case c == '%':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == '(':
			depth := 0
			j := i
			for ; j < len(s); j++ {
				if s[j] == '\\' {
					j++
					continue
				}
				if s[j] == '(' {
					depth++
				} else if s[j] == ')' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			operands = append(operands, "(string)")
			i = j + 1
		case c == '<' && i+1 < len(s) && s[i+1] == '<':
			j := strings.Index(s[i:], ">>")
			if j < 0 {
				return mcids, append(bad, "unterminated dictionary")
			}
			operands = append(operands, s[i:i+j+2])
			i += j + 2
		case c == '<':
			j := strings.IndexByte(s[i:], '>')
			if j < 0 {
				return mcids, append(bad, "unterminated hex string")
			}
			operands = append(operands, "<hex>")
			i += j + 1
		case c == '[' || c == ']':
			i++
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \n\r\t()<>[]/%", rune(s[j])) || j == i {
				j++
			}
			tok := s[i:j]
			i = j
			if tok[0] == '/' || tok[0] == '-' || tok[0] == '.' || tok[0] >= '0' && tok[0] <= '9' {
				operands = append(operands, tok)
				continue
			}
			switch tok {
			case "BMC":
				stack = append(stack, mark{artifact: at1(operands) == "/Artifact", mcid: -1})
			case "BDC":
				m := mark{mcid: -1}
				if len(operands) >= 2 && operands[len(operands)-2] == "/Artifact" {
					m.artifact = true
				} else if props := at1(operands); strings.Contains(props, "/MCID") {
					f := strings.Fields(strings.Trim(props, "<>"))
					for k := range f {
						if f[k] == "/MCID" && k+1 < len(f) {
							m.mcid, _ = strconv.Atoi(strings.TrimRight(f[k+1], ">"))
						}
					}
					if _, tagged := inside(); tagged {
						bad = append(bad, fmt.Sprintf("MCID %d nested in another", m.mcid))
					}
					mcids = append(mcids, m.mcid)
				}
				stack = append(stack, m)
			case "EMC":
				if len(stack) == 0 {
					bad = append(bad, "EMC without BDC")
				} else {
					stack = stack[:len(stack)-1]
				}
			case "BI":
				bad = append(bad, "inline image")
			default:
				if paints[tok] {
					if a, tg := inside(); !a && !tg {
						bad = append(bad, fmt.Sprintf("%q painted outside marked content", tok))
					}
				}
			}
			operands = operands[:0]
		}
	}
	if len(stack) != 0 {
		bad = append(bad, fmt.Sprintf("%d marked-content sequences left open", len(stack)))
	}
	return mcids, bad
}

func at1(ops []string) string {
	if len(ops) == 0 {
		return ""
	}
	return ops[len(ops)-1]
}

// TestScanContent shows the content check catches what it is for.
func TestScanContent(t *testing.T) {
	for _, tt := range []struct {
		name, stream string
		mcids        int
		bad          string
	}{
		{"tagged text", "/P <</MCID 0>> BDC BT 1 0 0 1 10 10 Tm (a\\)b) Tj ET EMC", 1, ""},
		{"artifact rule", "/Artifact BMC 0 0 m 1 1 l S EMC", 0, ""},
		{"pagination artifact", "/Artifact <</Type /Pagination /Subtype /Footer>> BDC BT (x) Tj ET EMC", 0, ""},
		{"font outside is fine", "BT /F1 10.00 Tf ET /P <</MCID 0>> BDC 0 0 5 5 re f EMC", 1, ""},
		{"text outside", "BT (x) Tj ET", 0, `"Tj" painted outside marked content`},
		{"fill outside", "/P <</MCID 0>> BDC EMC 0 0 5 5 re f", 1, `"f" painted outside marked content`},
		{"nested MCID", "/P <</MCID 0>> BDC /Span <</MCID 1>> BDC EMC EMC", 2, "MCID 1 nested in another"},
		{"unclosed", "/P <</MCID 0>> BDC", 1, "1 marked-content sequences left open"},
		{"extra EMC", "EMC", 0, "EMC without BDC"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mcids, bad := scanContent(tt.stream)
			if len(mcids) != tt.mcids {
				t.Errorf("MCIDs %v, want %d", mcids, tt.mcids)
			}
			got := strings.Join(bad, "; ")
			if got != tt.bad {
				t.Errorf("violations %q, want %q", got, tt.bad)
			}
		})
	}
}

// TestWriteRefusesUntagged: a chart without alternative text fails the
// build with a clear message instead of writing a non-conforming file.
func TestWriteRefusesUntagged(t *testing.T) {
	d := &doc.Document{ID: "x", Title: "T", Sections: []*doc.Section{{ID: "s", Title: "S", Level: 1, Blocks: []doc.Block{
		&doc.Chart{Kind: doc.ChartBars, Title: "Spending", Labels: []string{"a"}, Series: []doc.Series{{Values: []doc.Point{{Value: 1, Text: "£1m"}}}}},
	}}}}
	var b bytes.Buffer
	err := pdf.Write(&b, d)
	if err == nil || !strings.Contains(err.Error(), `the chart "Spending" (id "") has no alternative text`) {
		t.Fatalf("Write returned %v, want a refusal naming the missing alternative text", err)
	}
	if b.Len() != 0 {
		t.Errorf("Write wrote %d bytes despite the error", b.Len())
	}
}
