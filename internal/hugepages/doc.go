// Package hugepages lets a short-lived process grow its heap in
// transparent huge pages.
//
// A build touches some 30 MB of fresh memory, and the kernel maps it one
// 4 KB page at a time, one fault each. On the virtual machines CI runs on,
// a fault costs 10-20 µs: a build took some 7,500 of them, a third of its
// CPU time. The Go runtime asks for huge pages only where the kernel gives
// them to every process (transparent_hugepage "always"); on kernels set to
// "madvise", the common default, a process must ask for each range itself.
//
// Prepare asks once, as the program starts (package atinit does it while
// the program's packages initialise): it grows the heap by one large
// allocation, advises the kernel to back that range with huge pages, and
// frees it again, so that the allocations that follow reuse the range and
// fault 2 MB at a time. Memory that is never touched is never backed, so
// the process's resident size grows only by what it uses, rounded up to
// 2 MB.
package hugepages
