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
// them for the allocations that follow. It costs a garbage collection of
// the heap so far (two: the allocation starts one, which the forced one
// waits for), so it belongs at the start of a process (see atinit); where
// the kernel refuses the advice, nothing changes but the collections.
//
// The package imports nothing that initialises late (os, runtime/debug),
// so that a program can prepare its heap before most of its packages
// initialise and allocate.
func Prepare(size int) {
	if size < 2*hugePage {
		return
	}
	grow(size)
	runtime.GC()
}

// grow allocates size bytes and advises them, with the heap below them;
// they are garbage once it returns. The runtime maps fresh heap memory
// without touching it, and the allocation is never written, so advising
// it costs no fault.
//
// The heap below is what the process allocated before (the runtime's own
// start-up, when atinit runs): its first chunk, which the runtime fills
// again first once the collection frees it. The pages already touched
// there are collapsed into huge pages, since the kernel gives a huge page
// only where no small one is mapped yet: without that, a build took some
// 200-300 more faults of small pages.
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
// is where the heap starts. It reads the file with syscalls alone, so that
// the package needs no package that initialises late (os).
func mappingStart(p uintptr) (uintptr, bool) {
	fd, err := syscall.Open("/proc/self/maps", syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return 0, false
	}
	defer syscall.Close(fd)
	// A Go program's map is a few kilobytes; a longer one read in part
	// may miss the heap, and then only the heap below goes unadvised.
	buf := make([]byte, 16<<10)
	n := 0
	for n < len(buf) {
		m, err := syscall.Read(fd, buf[n:])
		if err != nil || m <= 0 {
			break
		}
		n += m
	}
	for line := buf[:n]; len(line) > 0; {
		lo, i := hex(line, 0)
		hi, j := hex(line, i+1)
		if i < len(line) && line[i] == '-' && j > i+1 && lo <= p && p < hi {
			return lo, true
		}
		k := j
		for k < len(line) && line[k] != '\n' {
			k++
		}
		if k >= len(line) {
			break
		}
		line = line[k+1:]
	}
	return 0, false
}

// hex reads a hexadecimal number of b from i, and returns it and where it
// ends.
func hex(b []byte, i int) (uintptr, int) {
	var v uintptr
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case '0' <= c && c <= '9':
			v = v<<4 | uintptr(c-'0')
		case 'a' <= c && c <= 'f':
			v = v<<4 | uintptr(c-'a'+10)
		default:
			return v, i
		}
	}
	return v, i
}
