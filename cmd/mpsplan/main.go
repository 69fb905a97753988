// Command mpsplan compiles police plans written in YAML into published
// documents, and checks, lists and compares them.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	// Grows the heap in huge pages before most packages initialise.
	_ "github.com/mpsplan/mpsplan/internal/hugepages/atinit"
	"github.com/mpsplan/mpsplan/plan"
	"github.com/spf13/cobra"
)

// Exit statuses, shared by every subcommand so CI can rely on them.
const (
	exitOK       = 0
	exitProblems = 1 // the plans have problems, or (diff, build --check) they differ
	exitUsage    = 2 // the command line is wrong, or something outside the plans failed
)

// memoryLimit is the heap at which a command that runs once and exits
// starts collecting garbage: none before. A build of every published plan
// allocates some 60 MB in all and checking a plan of 10,000 measures some
// 250 MB, keeping much of it to the end, so collecting before the end
// only costs: CPU for the collector, and the runtime's scavenger handing
// back free memory the heap then faults in again. At GOGC 400 a build took
// about 1,950 page faults, with the collector off about 1,650, and that
// check 570 ms against 410. Past the limit the collector runs as it needs
// to (the runtime's soft memory limit): a plan far larger than any
// published still builds. GOGC or GOMEMLIMIT in the environment are left
// to rule.
const memoryLimit = 1 << 30

// startWork readies the process for a command's work (its heap was grown
// in huge pages as the program started: see the import of atinit). main
// sets it; tests call run many times in one long process and leave the
// collector alone.
var startWork = func(*cobra.Command) {}

// longRunning marks a command that does not exit when its work is done
// (serve): it keeps the runtime's garbage collection.
const longRunning = "long-running"

// prepareHeap turns collection off below memoryLimit for a command that
// runs once, about to do c's work.
func prepareHeap(c *cobra.Command) {
	if c.Annotations[longRunning] != "" || os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(memoryLimit)
}

func main() {
	startWork = prepareHeap
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// exitError carries the status a command wants, with an optional message
// already meant for the user.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageError marks a mistake on the command line.
func usageError(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

// run executes one command line and returns the exit status. It holds no
// global state, so tests call it directly.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(stderr, "mpsplan: %v\n", ee.err)
		}
		return ee.code
	}
	// Anything cobra itself rejects (unknown command or flag, wrong
	// number of arguments) is a usage error.
	fmt.Fprintf(stderr, "mpsplan: %v\n", err)
	fmt.Fprintf(stderr, "Run 'mpsplan --help' for usage.\n")
	return exitUsage
}

// env holds what every subcommand shares: where plans live and where output goes.
type env struct {
	stdout, stderr io.Writer
	plansDir       string
	// cache, when set, loads each plan once in the run (build).
	cache *loadCache
	// project is the project file of the current folder, if there is one.
	project *plan.Project
	// templatesSet is true when --templates was given: it then replaces
	// every plan's own theme.
	templatesSet bool
	// themes holds the plans' own themes, each read once in the run.
	themes *themeCache
	// look, when set, has the job that makes a file read the one it
	// replaces (see outFile.seen): build writes what it makes.
	look bool
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	e := &env{stdout: stdout, stderr: stderr, themes: &themeCache{byDir: map[string]themeLoad{}}}
	root := &cobra.Command{
		Use:   "mpsplan",
		Short: "Compile police plans from YAML into Markdown, HTML and PDF",
		Long: `mpsplan keeps a police authority's plans as code: each plan is a folder of
YAML under plans/, checked for consistency and compiled into the published
policing plan, budget tables and annual reports.

A project file, mpsplan.yaml in the current folder (mpsplan init writes one),
names the organisation and gives the defaults of --plans, --out and
--templates.

Exit status: 0 success, 1 problems found (or differences), 2 usage error.`,
		Example: `  mpsplan init northshire --organisation "Northshire Police"
  mpsplan check && mpsplan build
  mpsplan serve 2011-14
  mpsplan new 2012-15 --from 2011-14`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().StringVar(&e.plansDir, "plans", "plans", "folder holding one folder a plan")
	root.PersistentPreRunE = func(c *cobra.Command, _ []string) error {
		startWork(c)
		return e.readProject(c)
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError("%v\nRun '%s --help' for usage.", err, c.CommandPath())
	})
	root.AddCommand(
		newCheckCmd(e),
		newListCmd(e),
		newSchemaCmd(e),
		newDiffCmd(e),
		newBuildCmd(e),
		newReportCmd(e),
		newExportCmd(e),
		newNewCmd(e),
		newInitCmd(e),
		newServeCmd(e),
	)
	for _, c := range root.Commands() {
		c.Flags().SortFlags = false
	}
	return root
}
