// Package atinit prepares the heap in huge pages (hugepages.Prepare) as a
// program starts to initialise: imported for its effect, like time/tzdata,
// by a command. It needs only packages the runtime initialises first, so
// it runs before most others: their initialisation (compiled regular
// expressions, tables: some megabytes) then allocates in huge pages too.
// Done later, in main, a build of every plan took some 500 more faults of
// 4 KB pages (about 1,700 rather than 1,200), and mpsplan --help 170 more.
package atinit

import "github.com/mpsplan/mpsplan/internal/hugepages"

// Size is the heap grown. Building every published plan touches some
// 90 MB of it and checking a plan of 10,000 measures some 180 MB; what is
// never touched costs nothing but address space. At 64 MB, that check
// took 21,000 faults of 4 KB pages beyond it and 750 ms; at 256 MB, 2,600
// faults and 500 ms.
const Size = 256 << 20

func init() { hugepages.Prepare(Size) }
