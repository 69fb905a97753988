package atinit

import (
	"testing"
	"unsafe"

	"github.com/mpsplan/mpsplan/internal/hugepages/hugepagestest"
)

// TestInit checks that the heap was grown in huge pages as the test
// program initialised: what it allocates now is in memory advised for
// them.
func TestInit(t *testing.T) {
	hugepagestest.Skip(t)
	b := make([]byte, 8<<20)
	p := (uintptr(unsafe.Pointer(&b[0])) + 2<<20 - 1) &^ (2<<20 - 1)
	if ok, flags := hugepagestest.Advised(t, p); !ok {
		t.Errorf("the mapping of %#x has VmFlags %q, without hg: importing atinit did not prepare the heap", p, flags)
	}
}
