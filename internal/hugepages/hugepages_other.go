//go:build !linux

package hugepages

// Prepare does nothing where the kernel has no madvise huge pages.
func Prepare(size int) {}
