//go:build unix

package main

import (
	"os"
	"syscall"
)

// lockOut takes an exclusive lock on the output folder for the length of a
// build, so two builds into one folder take turns: one cannot remove the
// other's temporary files as stale, or interleave their renames.
func lockOut(out string) (unlock func(), err error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	f, err := os.Open(out)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}
