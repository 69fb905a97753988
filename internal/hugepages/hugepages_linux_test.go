package hugepages

import (
	"testing"
	"unsafe"

	"github.com/mpsplan/mpsplan/internal/hugepages/hugepagestest"
)

// TestPrepare checks that an allocation made after Prepare, and one made
// before it (the heap below), lie in memory the kernel was asked to back
// with huge pages.
func TestPrepare(t *testing.T) {
	hugepagestest.Skip(t)
	early := make([]byte, 1<<20) // allocated before: the heap below
	for i := range early {
		early[i] = 1
	}
	Prepare(64 << 20)
	b := make([]byte, 16<<20)
	// The first 2 MB boundary inside b: the edges of the advised range are
	// rounded inwards.
	p := (uintptr(unsafe.Pointer(unsafe.SliceData(b))) + hugePage - 1) &^ (hugePage - 1)
	if ok, flags := hugepagestest.Advised(t, p); !ok {
		t.Errorf("the mapping of %#x has VmFlags %q, without hg: the heap was not advised for huge pages", p, flags)
	}
	b[0] = 1
	e := uintptr(unsafe.Pointer(&early[0]))
	if ok, flags := hugepagestest.Advised(t, e); !ok {
		t.Errorf("the mapping of %#x, allocated before, has VmFlags %q, without hg: the heap below was not advised", e, flags)
	}
	for i, c := range early {
		if c != 1 {
			t.Fatalf("collapsing the heap below changed byte %d of what it holds", i)
		}
	}
}

// TestPrepareSmall checks that a size under two huge pages is no request.
func TestPrepareSmall(t *testing.T) {
	Prepare(hugePage) // must neither panic nor advise anything
}

// TestMappingStart checks that the mapping holding a heap address is
// found, starting at or below it.
func TestMappingStart(t *testing.T) {
	b := make([]byte, 1<<20)
	p := uintptr(unsafe.Pointer(&b[0]))
	start, ok := mappingStart(p)
	if !ok || start > p || p-start > 1<<40 {
		t.Errorf("mappingStart(%#x) = %#x, %v", p, start, ok)
	}
	if _, ok := mappingStart(0); ok {
		t.Errorf("address 0 is in a mapping")
	}
}

func TestHex(t *testing.T) {
	for _, tc := range []struct {
		in   string
		from int
		want uintptr
		end  int
	}{
		{"7f0a-7f0b rw-p", 0, 0x7f0a, 4},
		{"7f0a-7f0b rw-p", 5, 0x7f0b, 9},
		{"c000000000-c004000000", 0, 0xc000000000, 10},
		{"", 0, 0, 0},
		{"zz", 0, 0, 0},
	} {
		got, end := hex([]byte(tc.in), tc.from)
		if got != tc.want || end != tc.end {
			t.Errorf("hex(%q, %d) = %#x, %d; want %#x, %d", tc.in, tc.from, got, end, tc.want, tc.end)
		}
	}
}
