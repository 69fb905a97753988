package hugepages

import (
	"runtime"
	"syscall"
	"unsafe"
)

// hugePage is the size of a transparent huge page on the platforms Go
// supports on Linux that have them (x86-64 and 4 KB-page arm64).
const hugePage = 2 << 20

// Prepare grows the heap by size bytes advised for huge pages, then frees
// them for the allocations that follow. It costs one garbage collection
// of the heap so far, so it belongs at the start of a process; where the
// kernel refuses the advice, nothing changes but that collection.
func Prepare(size int) {
	if size < 2*hugePage {
		return
	}
	grow(size)
	runtime.GC()
}

// grow allocates size bytes and advises them; they are garbage once it
// returns. The runtime maps fresh heap memory without touching it, and
// the allocation is never written, so advising it costs no fault.
func grow(size int) {
	b := make([]byte, size)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	beg := (p + hugePage - 1) &^ (hugePage - 1)
	end := (p + uintptr(size)) &^ (hugePage - 1)
	if beg < end {
		advise(beg, end-beg)
	}
	runtime.KeepAlive(b)
}

// advise marks [beg, beg+n) as wanting huge pages. An error (a kernel
// without transparent huge pages) only means the advice is not taken.
func advise(beg, n uintptr) {
	syscall.Syscall(syscall.SYS_MADVISE, beg, n, syscall.MADV_HUGEPAGE) //nolint:errcheck
}
