// Package hugepagestest tells tests whether memory was advised for huge
// pages: the "hg" flag of its mapping in /proc/self/smaps.
package hugepagestest

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

// Skip skips t where the kernel gives no transparent huge pages.
func Skip(t *testing.T) {
	t.Helper()
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(mode), "[never]") {
		t.Skipf("this kernel gives no transparent huge pages (%q, %v)", mode, err)
	}
}

// Advised reports whether the mapping that holds address p was advised
// for huge pages, and its VmFlags.
func Advised(t *testing.T, p uintptr) (bool, string) {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
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
			flags := strings.TrimSpace(strings.TrimPrefix(line, "VmFlags:"))
			return strings.Contains(" "+flags+" ", " hg "), flags
		}
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	t.Fatalf("no mapping in /proc/self/smaps holds %#x", p)
	return false, ""
}
