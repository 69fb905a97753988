package hugepages

import (
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
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
	// No collection may start while the allocation is live: it would
	// count for the runtime's last heap goal, and after the next the
	// scavenger would hand back every free page, the heap's first among
	// them, breaking its huge pages into small ones again.
	percent := debug.SetGCPercent(-1)
	grow(size)
	debug.SetGCPercent(percent)
	runtime.GC()
}

// grow allocates size bytes and advises them, with the heap below them;
// they are garbage once it returns. The runtime maps fresh heap memory
// without touching it, and the allocation is never written, so advising
// it costs no fault.
//
// The heap below is what the process allocated before: its first chunk,
// which the runtime fills again first once the collection frees it (a
// build took some 800 faults of small pages there). The pages the start-up
// touched are collapsed into huge pages, since the kernel gives a huge
// page only where no small one is mapped yet. That saves some 300 of those
// faults: the runtime's scavenger, handing free pages back, splits some
// huge pages again.
func grow(size int) {
	b := make([]byte, size)
	p := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	lo := p
	if start, ok := mappingStart(p); ok && p-start <= maxBelow {
		lo = start
	}
	beg := (lo + hugePage - 1) &^ (hugePage - 1)
	end := (p + uintptr(size)) &^ (hugePage - 1)
	if beg < end {
		madvise(beg, end-beg, syscall.MADV_HUGEPAGE)
	}
	// One huge page at a time: the kernel may refuse one (EINVAL, seen for
	// the heap's first), and a refusal stops a longer range there.
	for r := beg; r < (p+hugePage-1)&^(hugePage-1); r += hugePage {
		madvise(r, hugePage, madvCollapse)
	}
	runtime.KeepAlive(b)
}

// maxBelow bounds the heap below the allocation that grow advises and
// collapses: a start-up allocates a few megabytes.
const maxBelow = 64 << 20

// madvCollapse is MADV_COLLAPSE (Linux 6.1), which package syscall does
// not name: it makes huge pages of a range now, copying what is mapped.
const madvCollapse = 25

// madvise gives advice on [beg, beg+n). An error (a kernel without
// transparent huge pages, or too old to collapse) only means the advice
// is not taken.
func madvise(beg, n uintptr, advice int) {
	syscall.Syscall(syscall.SYS_MADVISE, beg, n, uintptr(advice)) //nolint:errcheck
}

// mappingStart returns where the mapping holding p starts, from
// /proc/self/maps: the heap's mappings are contiguous, so for the heap it
// is where the heap starts.
func mappingStart(p uintptr) (uintptr, bool) {
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return 0, false
	}
	for line := range strings.Lines(string(maps)) {
		span, _, _ := strings.Cut(line, " ")
		from, to, ok := strings.Cut(span, "-")
		if !ok {
			continue
		}
		lo, err1 := strconv.ParseUint(from, 16, 64)
		hi, err2 := strconv.ParseUint(to, 16, 64)
		if err1 == nil && err2 == nil && uintptr(lo) <= p && p < uintptr(hi) {
			return uintptr(lo), true
		}
	}
	return 0, false
}
