package hugepages

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"unsafe"
)

// TestPrepare checks that an allocation made after Prepare lands in memory
// the kernel was asked to back with huge pages: the "hg" flag of its
// mapping in /proc/self/smaps.
func TestPrepare(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(mode), "[never]") {
		t.Skipf("this kernel gives no transparent huge pages (%q, %v)", mode, err)
	}
	early := make([]byte, 1<<20) // allocated before: the heap below
	for i := range early {
		early[i] = 1
	}
	Prepare(64 << 20)
	b := make([]byte, 16<<20)
	// The first 2 MB boundary inside b: the edges of the advised range are
	// rounded inwards.
	p := (uintptr(unsafe.Pointer(unsafe.SliceData(b))) + hugePage - 1) &^ (hugePage - 1)
	flags, err := vmFlags(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("the mapping of %#x has VmFlags %q, without hg: the heap was not advised for huge pages", p, flags)
	}
	b[0] = 1
	e := uintptr(unsafe.Pointer(&early[0]))
	if flags, err := vmFlags(e); err != nil || !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("the mapping of %#x, allocated before, has VmFlags %q (%v), without hg: the heap below was not advised", e, flags, err)
	}
	if early[len(early)-1] != 1 {
		t.Errorf("collapsing the heap below changed what it holds")
	}
}

// TestPrepareSmall checks that a size under two huge pages is no request.
func TestPrepareSmall(t *testing.T) {
	Prepare(hugePage) // must neither panic nor advise anything
}

// vmFlags returns the VmFlags line of the mapping that holds address p.
func vmFlags(p uintptr) (string, error) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return "", err
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	in := false
	for s.Scan() {
		line := s.Text()
		var lo, hi uintptr
		if n, _ := fmt.Sscanf(line, "%x-%x ", &lo, &hi); n == 2 {
			in = lo <= p && p < hi
			continue
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmFlags:")), nil
		}
	}
	if err := s.Err(); err != nil {
		return "", err
	}
	return "", fmt.Errorf("no mapping in /proc/self/smaps holds %#x", p)
}
