package pdf

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ptmm converts points (font sizes) to millimetres (page units).
const ptmm = 25.4 / 72

// style is a combination of text styles.
type style uint8

const (
	stBold style = 1 << iota
	stItalic
	stMono
)

// fontKey names one font at one size.
type fontKey struct {
	st   style
	size float64
}

// face is the style of the face k is drawn in: mono has one face.
func (k fontKey) face() style {
	if k.st&stMono != 0 {
		return stMono
	}
	return k.st & (stBold | stItalic)
}

// isClean reports whether clean would return s as it is: most text is,
// and most of it holds a character past ASCII (’, –, £), which made
// clean normalise and copy nearly every string it was given.
func isClean(s string) bool {
	ascii := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || !printable(r) {
			return false
		}
		ascii = false
		i += n
	}
	if ascii {
		// ASCII text is in NFC.
		return true
	}
	// The quick check answers for nearly all text without allocating,
	// which IsNormalString does whenever it is asked.
	return norm.NFC.QuickSpanString(s) == len(s) || norm.NFC.IsNormalString(s)
}

// clean makes s safe to draw: valid UTF-8 in NFC form, no control or
// format characters, and every character the fonts lack (emoji, Hebrew,
// CJK) shown as U+FFFD. Newlines are kept for the caller; tabs become
// spaces.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	s = norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD"))
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Cs, r):
		case !printable(r):
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// run is a piece of inline text in one style, possibly a link.
type run struct {
	text string
	st   style
	// link is a URI or "#anchor"; linkN numbers the link in its block, so
	// the parts of one link broken over lines stay one Link element.
	link  string
	linkN int
}

// frag is a word (or part of one) as laid out.
type frag struct {
	text  string
	st    style
	link  string
	linkN int
	w     float64
	// space: a space follows (a break opportunity); hard: a line break.
	space, hard bool
}

// segmentEmpty reports whether a segment, the text of frags, is empty:
// each frag's text, followed by a space where the frag has one (a
// trailing space too, so extracted and tagged text has its words apart).
func segmentEmpty(frags []frag) bool {
	for _, f := range frags {
		if f.text != "" || f.space {
			return false
		}
	}
	return true
}

// line is one laid-out line.
type line struct {
	frags []frag
	w     float64
}

// split breaks runs into frags. pre keeps spaces (code), breaking only at
// newlines and, when a line is too long, anywhere.
func (fs *fonts) split(runs []run, size float64, pre bool) []frag {
	return fs.splitInto(nil, runs, size, pre)
}

// splitInto is split into dst, reused from its start.
func (fs *fonts) splitInto(dst []frag, runs []run, size float64, pre bool) []frag {
	// About a frag a word: grown by appending, the slice was copied and
	// thrown away several times for every paragraph.
	n := 0
	for _, r := range runs {
		n += strings.Count(r.text, " ") + 1
	}
	out := slices.Grow(dst[:0], n)
	for _, r := range runs {
		st := r.st
		fw := fs.widths(fontKey{st, size}.face())
		text := clean(r.text)
		for text != "" {
			// Separators: a space (collapsed) or a newline.
			if text[0] == ' ' || text[0] == '\n' {
				if text[0] == '\n' {
					if len(out) == 0 || out[len(out)-1].hard {
						out = append(out, frag{st: st, hard: true})
					} else {
						out[len(out)-1].hard = true
					}
				} else if pre {
					out = append(out, frag{text: " ", st: st, link: r.link, linkN: r.linkN, w: fs.spaceWidth(fontKey{st, size})})
				} else if len(out) > 0 && !out[len(out)-1].hard {
					out[len(out)-1].space = true
				}
				text = text[1:]
				continue
			}
			end, w := fw.word(text, pre)
			out = append(out, frag{text: text[:end], st: st, link: r.link, linkN: r.linkN, w: float64(w) * size / 1000 * ptmm})
			text = text[end:]
		}
	}
	return out
}

// word returns where the word text starts with ends (at a space or
// newline, or only at a newline when pre) and its width in thousandths of
// the font size, as fonts.width sums it: one pass over the word, where
// finding its end (strings.IndexAny) and measuring it were two, a fifth
// of a PDF's layout.
func (fw *faceWidths) word(text string, pre bool) (end, w int) {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c == '\n' || c == ' ' && !pre {
				return i, w
			}
			w += int(fw.w[c])
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if int(r) < len(fw.w) {
			w += int(fw.w[r])
		} else {
			w += int(fw.missing)
		}
		i += n
	}
	return len(text), w
}

// oneLine is strings.Join(strings.Fields(s), " "): without a copy when
// s is that already, as nearly every paragraph is.
func oneLine(s string) string {
	space := true // a space here would be leading or doubled
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' && !space:
			space = true
		case c < utf8.RuneSelf && (c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'):
			return strings.Join(strings.Fields(s), " ")
		case c < utf8.RuneSelf:
			space = false
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return strings.Join(strings.Fields(s), " ")
			}
			space = false
			i += n
			continue
		}
		i++
	}
	if space && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// breakLines lays frags out in lines at most maxW wide. A word longer than
// a line is cut between characters, at least one character a line, so any
// text fits any width.
func (fs *fonts) breakLines(frags []frag, size, maxW float64) []line {
	return fs.breakLinesInto(nil, frags, size, maxW)
}

// breakLinesInto is breakLines into dst, reused from its start.
func (fs *fonts) breakLinesInto(dst []line, frags []frag, size, maxW float64) []line {
	lines := dst[:0]
	var cur line
	flush := func() {
		lines = append(lines, cur)
		cur = line{}
	}
	spaceW := func(f frag) float64 { return fs.spaceWidth(fontKey{f.st, size}) }
	// A line of whole frags is a piece of frags itself (start, with its
	// capacity cut so nothing appends over the next line), not a copy; a
	// line that holds part of a cut word is built by appending.
	start, whole := 0, false
	for i := 0; i < len(frags); {
		// A group is the frags up to the next break opportunity.
		j := i
		for j < len(frags)-1 && !frags[j].space && !frags[j].hard {
			j++
		}
		gw := 0.0
		for _, f := range frags[i : j+1] {
			gw += f.w
		}
		lead := 0.0
		if n := len(cur.frags); n > 0 && cur.frags[n-1].space {
			lead = spaceW(cur.frags[n-1])
		}
		switch {
		case cur.w+lead+gw <= maxW+1e-9:
			if len(cur.frags) == 0 {
				start, whole = i, true
			}
			if whole && start+len(cur.frags) == i {
				cur.frags = frags[start : j+1 : j+1]
			} else {
				whole = false
				cur.frags = append(cur.frags, frags[i:j+1]...)
			}
			cur.w += lead + gw
		case len(cur.frags) > 0:
			flush()
			continue
		default:
			cur = fs.cutGroup(frags[i:j+1], size, maxW, &lines)
			whole = false
		}
		if frags[j].hard {
			flush()
		}
		i = j + 1
	}
	if len(cur.frags) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// cutGroup cuts an unbreakable group wider than maxW into lines, appending
// the full ones and returning the last, unfinished one.
func (fs *fonts) cutGroup(group []frag, size, maxW float64, lines *[]line) line {
	var cur line
	for _, f := range group {
		k := fontKey{f.st, size}
		start, pw := 0, 0.0
		for i, r := range f.text {
			rw := fs.width(k, string(r))
			if cur.w+pw+rw > maxW && cur.w+pw > 0 {
				if i > start {
					p := f
					p.text, p.w, p.space, p.hard = f.text[start:i], pw, false, false
					cur.frags = append(cur.frags, p)
					cur.w += pw
				}
				*lines = append(*lines, cur)
				cur = line{}
				start, pw = i, 0
			}
			pw += rw
		}
		p := f
		p.text, p.w = f.text[start:], pw
		if p.text != "" || p.hard {
			cur.frags = append(cur.frags, p)
			cur.w += pw
		}
	}
	return cur
}

// scratchLines lays runs out in lines at most w wide in the layout's
// scratch space, which the next call reuses: for text drawn or measured
// at once, not kept (a paragraph's frags and lines were most of the
// memory a document took).
func (l *layout) scratchLines(runs []run, size float64, pre bool, w float64) []line {
	l.frags = l.fs.splitInto(l.frags, runs, size, pre)
	l.lines = l.fs.breakLinesInto(l.lines, l.frags, size, w)
	return l.lines
}
