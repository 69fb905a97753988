package main

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/mpsplan/mpsplan/render/site"
)

// buildRun writes (or checks) the documents of one build.
type buildRun struct {
	*env
	out        string
	fmts       []string
	sig        *signals
	verbose    bool
	quiet      bool
	everything bool // every plan under --plans, in every format
	// site is the static site, built with every plan in every format; nil
	// when not built (a partial build, or a plan failed).
	site *siteResult
	// siteDone is set once the site is written (or compared, with
	// --check): only then are its files it no longer has obsolete.
	siteDone bool
}

// check compares what would be built with what is under --out.
func (b *buildRun) check(results []*planResult) error {
	failed := false
	var stale []string
	expected := map[string]bool{}
	built := map[string]bool{}
	for _, r := range results {
		_, _ = b.stderr.Write(r.msgs.Bytes())
		if !r.ok {
			failed = true
			continue
		}
		built[r.id] = true
		for _, f := range r.files {
			expected[filepath.Clean(f.path)] = true
			if !f.onDisk() {
				stale = append(stale, f.path)
			}
		}
	}
	if st := b.site; st != nil && !failed {
		if st.err != nil {
			fmt.Fprintf(b.stderr, "mpsplan: the site: %v\n", st.err)
			failed = true
		}
		for _, f := range st.files {
			expected[filepath.Clean(f.path)] = true
			if !f.onDisk() {
				stale = append(stale, f.path)
			}
		}
		b.siteDone = st.err == nil
	}
	manifest := readManifest(b.out)
	for _, m := range b.obsolete(manifest, built, expected) {
		if _, err := os.Lstat(m); err == nil {
			stale = append(stale, m)
		}
	}
	var stray []string
	if !failed && b.everything {
		// Everything was built in every format, so a document under --out
		// that no plan produces and build did not write was put there by
		// hand (or by a build before the manifest existed).
		listed := map[string]bool{}
		for _, m := range manifest {
			listed[filepath.Clean(m)] = true
		}
		for _, s := range strayFiles(b.out, expected) {
			if !listed[s] {
				stray = append(stray, s)
			}
		}
	}
	for _, s := range append(stale, stray...) {
		fmt.Fprintln(b.stdout, s)
	}
	if len(stale) > 0 {
		fmt.Fprintf(b.stderr, "%d file(s) under %s differ from the sources or are no longer produced: run mpsplan build\n", len(stale), b.out)
	}
	if len(stray) > 0 {
		fmt.Fprintf(b.stderr, "%d document(s) under %s were not written by mpsplan build and no plan produces them: remove them by hand\n", len(stray), b.out)
	}
	if failed || len(stale) > 0 || len(stray) > 0 {
		return &exitError{code: exitProblems}
	}
	return nil
}

// obsolete returns the manifest's documents that no plan produces any more:
// those of a plan no longer under --plans, and those of a plan built now,
// in a format built now, that it did not produce.
func (b *buildRun) obsolete(manifest []string, built, produced map[string]bool) []string {
	ids, listed := b.currentIDs()
	var out []string
	for _, m := range manifest {
		rel, err := filepath.Rel(b.out, m)
		if err != nil {
			continue
		}
		if site.Owns(filepath.ToSlash(rel)) {
			// The site's files go when the site, built now, no longer has them.
			if b.siteDone && !produced[filepath.Clean(m)] {
				out = append(out, m)
			}
			continue
		}
		id, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		ext := strings.TrimPrefix(filepath.Ext(m), ".")
		switch {
		case built[id] && slices.Contains(b.fmts, ext) && !produced[filepath.Clean(m)]:
			out = append(out, m)
		case listed && !ids[id] && !built[id]:
			out = append(out, m)
		}
	}
	return out
}

// currentIDs returns the IDs of the plans under --plans, and false when
// they cannot be listed: then no plan is taken for deleted.
func (b *buildRun) currentIDs() (map[string]bool, bool) {
	ids := map[string]bool{}
	for _, id := range b.planIDs() {
		ids[id] = true
	}
	return ids, len(ids) > 0
}

// write commits each plan's files, removes what no plan produces any more,
// and keeps the manifest.
func (b *buildRun) write(results []*planResult, planCount int) error {
	unlock, err := lockOut(b.out)
	if err != nil {
		return &exitError{code: exitProblems, err: fmt.Errorf("cannot write into %s: %w", b.out, err)}
	}
	defer unlock()
	if b.site != nil && b.site.err != nil {
		// Nothing is written: the plans' files would take the site's place.
		fmt.Fprintf(b.stderr, "mpsplan: nothing built: %v\n", b.site.err)
		return &exitError{code: exitProblems}
	}
	for _, p := range removeStaleTemps(b.out) {
		b.say("removed %s (left by an interrupted build)", p)
	}
	manifest := readManifest(b.out)
	keep := map[string]bool{}
	for _, m := range manifest {
		keep[filepath.Clean(m)] = true
	}
	failed := false
	written, builtCount := 0, 0
	built := map[string]bool{}
	produced := map[string]bool{}
	hold := testHold(b.sig)
	for _, r := range results {
		_, _ = b.stderr.Write(r.msgs.Bytes())
		if b.sig.stopped() {
			break
		}
		if !r.ok {
			failed = true
			continue
		}
		err := checkPlanFolder(filepath.Join(b.out, r.id))
		var res commitResult
		if err == nil {
			res, err = commitFiles(r.files, b.sig.stopped, hold)
		}
		if errors.Is(err, errInterrupted) {
			break
		}
		if err != nil {
			fmt.Fprintf(b.stderr, "mpsplan: %s: not built: %v\n", r.id, err)
			failed = true
			continue
		}
		builtCount++
		built[r.id] = true
		for _, f := range r.files {
			produced[filepath.Clean(f.path)] = true
			keep[filepath.Clean(f.path)] = true
		}
		for _, p := range res.written {
			b.say("wrote %s", p)
		}
		written += len(res.written)
	}
	if !failed && !b.sig.stopped() {
		n, ok := b.writeSite(produced, keep)
		written += n
		failed = !ok
	} else if b.site == nil && b.everything && failed {
		fmt.Fprintf(b.stderr, "mpsplan: the site (%s) is left as it was: it is built when every plan builds\n", filepath.Join(b.out, site.IndexFile))
	}
	removed := 0
	if !b.sig.stopped() {
		for _, m := range b.obsolete(manifest, built, produced) {
			st, err := os.Lstat(m)
			if err == nil && !st.Mode().IsRegular() {
				continue // not what build wrote: leave it, and keep it listed
			}
			if err == nil {
				if err := os.Remove(m); err != nil {
					fmt.Fprintf(b.stderr, "mpsplan: cannot remove %s, which no plan produces any more: %v\n", m, err)
					failed = true
					continue
				}
				removed++
				b.say("removed %s (no plan produces it any more)", m)
			}
			delete(keep, filepath.Clean(m))
		}
	}
	var list []string
	for p := range keep {
		list = append(list, p)
	}
	if err := writeManifest(b.out, list); err != nil {
		fmt.Fprintf(b.stderr, "mpsplan: %v\n", err)
		failed = true
	}
	if !b.quiet {
		fmt.Fprintf(b.stderr, "built %d of %d plan(s) into %s: %d file(s) written, %d removed\n", builtCount, planCount, b.out, written, removed)
	}
	if s := b.sig.caught(); s != nil {
		return &exitError{code: signalStatus(s), err: fmt.Errorf("interrupted by %v: the plans not yet written were left as they were, and their temporary files removed", s)}
	}
	if failed {
		return &exitError{code: exitProblems}
	}
	return nil
}

// writeSite writes the site's files together, as a plan's are, and
// returns how many changed and false when it failed.
func (b *buildRun) writeSite(produced, keep map[string]bool) (int, bool) {
	st := b.site
	if st == nil {
		return 0, true
	}
	if st.err != nil {
		fmt.Fprintf(b.stderr, "mpsplan: the site is not built: %v\n", st.err)
		return 0, false
	}
	err := checkPlanFolder(filepath.Join(b.out, site.MeasuresDir))
	var res commitResult
	if err == nil {
		res, err = commitFiles(st.files, b.sig.stopped, nil)
	}
	if err != nil {
		if !errors.Is(err, errInterrupted) {
			fmt.Fprintf(b.stderr, "mpsplan: the site is not built: %v\n", err)
		}
		return 0, false
	}
	for _, f := range st.files {
		produced[filepath.Clean(f.path)] = true
		keep[filepath.Clean(f.path)] = true
	}
	for _, p := range res.written {
		b.say("wrote %s", p)
	}
	b.siteDone = true
	return len(res.written), true
}

// say prints a line of -v output.
func (b *buildRun) say(format string, args ...any) {
	if b.verbose {
		fmt.Fprintf(b.stdout, format+"\n", args...)
	}
}

// signals turns SIGINT and SIGTERM into a flag the build polls between
// files, so it can stop where nothing is half done.
type signals struct {
	ch     chan os.Signal
	got    atomic.Pointer[os.Signal]
	done   chan struct{}
	hit    chan struct{}
	stopMu sync.Once
}

func watchSignals() *signals {
	s := &signals{ch: make(chan os.Signal, 1), done: make(chan struct{}), hit: make(chan struct{})}
	signal.Notify(s.ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case sig := <-s.ch:
			s.got.Store(&sig)
			close(s.hit)
		case <-s.done:
		}
	}()
	return s
}

func (s *signals) stopped() bool { return s.got.Load() != nil }

func (s *signals) caught() os.Signal {
	if p := s.got.Load(); p != nil {
		return *p
	}
	return nil
}

func (s *signals) stop() {
	s.stopMu.Do(func() {
		signal.Stop(s.ch)
		close(s.done)
	})
}

// signalStatus is the shell's exit status for a process a signal stopped.
func signalStatus(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return exitProblems
}

// testHold returns the hook the end-to-end tests use to interrupt a build
// at a known point: with MPSPLAN_TEST_HOLD=stage:marker, build creates the
// marker file at that stage of its first plan ("temps": every temporary
// file written, nothing renamed; "rename": one file renamed) and waits
// there for a signal. Without it the hook is nil.
func testHold(s *signals) func(stage string) {
	spec := os.Getenv("MPSPLAN_TEST_HOLD")
	stage, marker, ok := strings.Cut(spec, ":")
	if !ok {
		return nil
	}
	var once sync.Once
	return func(at string) {
		if at != stage {
			return
		}
		once.Do(func() {
			_ = os.WriteFile(marker, nil, 0o644)
			select {
			case <-s.hit:
			case <-s.done:
			}
		})
	}
}
