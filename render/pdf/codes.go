package pdf

import (
	"bytes"
	"encoding/hex"
	"fmt"
)

// A document's text is written in codes of one byte where it can be: a
// face's first 223 characters (nearly always all of them) get the codes
// 0x01-0xDF, and the rest two bytes from 0xE000 up. Each face's /Encoding
// is a CMap that says so and maps each code to the CID its bytes make as
// a number (0x01-0xDF, 0xE000-0xFFFF): MuPDF refuses a ToUnicode mapping
// whose CID lies outside the encoding's codespace. The CIDToGIDMap and
// widths are indexed by those CIDs. Text was written in the two-byte codes
// of Identity-H, twice the bytes for the same glyphs.

const (
	// oneByte is how many codes have one byte, 0x00-0xDF (0 is the
	// missing glyph).
	oneByte = 0xE0
	// maxCode is the last code: 32 blocks of 256 two-byte codes follow
	// the one-byte ones.
	maxCode = oneByte + 32*256 - 1
	// cmapName names the encoding CMap.
	cmapName = "MPSPlan-OneByte-H"
	// codespace is the codespace ranges of the encoding and of the
	// ToUnicode maps.
	codespace = "2 begincodespacerange\n<00> <DF>\n<E000> <FFFF>\nendcodespacerange\n"
)

// appendCode appends code c as it stands in a literal string.
func appendCode(b []byte, c uint16) []byte {
	if c < oneByte {
		return appendEscaped(b, byte(c))
	}
	c -= oneByte
	return appendEscaped(appendEscaped(b, oneByte+byte(c>>8)), byte(c))
}

// cid is the CID of code c: the number its bytes make.
func cid(c uint16) int {
	if c < oneByte {
		return int(c)
	}
	return 0xE000 + int(c-oneByte)
}

// escaped says which bytes a literal string escapes (see appendEscaped).
var escaped = [256]bool{'(': true, ')': true, '\\': true, '\r': true, '\n': true}

// hexCode is code c's bytes in hex, as a CMap writes it.
func hexCode(c uint16) []byte {
	raw := []byte{byte(c)}
	if c >= oneByte {
		c -= oneByte
		raw = []byte{oneByte + byte(c>>8), byte(c)}
	}
	return bytes.ToUpper(hex.AppendEncode(nil, raw))
}

// encoding is the CMap of a face whose document used n codes: each code
// is the CID its bytes make, for the one-byte codes and each block of
// two-byte codes in use.
func encoding(n int) []byte {
	var b bytes.Buffer
	b.WriteString("%!PS-Adobe-3.0 Resource-CMap\n/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo 3 dict dup begin /Registry (Adobe) def /Ordering (Identity) def /Supplement 0 def end def\n" +
		"/CMapName /" + cmapName + " def\n/CMapType 1 def\n/WMode 0 def\n" + codespace)
	blocks := 0
	if n >= oneByte {
		blocks = (n-oneByte)/256 + 1
	}
	fmt.Fprintf(&b, "%d begincidrange\n<00> <DF> 0\n", 1+blocks)
	for i := range blocks {
		fmt.Fprintf(&b, "<%02X00> <%02XFF> %d\n", oneByte+i, oneByte+i, (oneByte+i)<<8)
	}
	b.WriteString("endcidrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}
