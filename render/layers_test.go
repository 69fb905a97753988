package render

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/mpsplan/mpsplan"

// builders may see the plan; every other package under render/ is the
// model, a writer or a helper of one, and must not.
var builders = map[string]bool{
	module + "/render/plandoc": true,
	module + "/render/report":  true,
	module + "/render/site":    true,
}

// forbidden are what a writer must not depend on, even transitively: the
// plan, the YAML parser, and the builders (which hold the plan).
var forbidden = []string{
	module + "/plan",
	"go.yaml.in/yaml",
	"gopkg.in/yaml",
	module + "/render/plandoc",
	module + "/render/report",
	module + "/render/site",
}

type listed struct {
	ImportPath string
	Dir        string
	Deps       []string
	Module     *struct{ Path string }
}

// TestLayers lists every package under render/ with its transitive
// dependencies (go list -deps, test files excluded) and fails where one
// that is not a builder depends on the plan or the YAML parser.
func TestLayers(t *testing.T) {
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list dependencies: %v", err)
	}
	out, err := exec.Command(goCmd, "list", "-deps", "-json", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []listed
	for dec := json.NewDecoder(strings.NewReader(string(out))); ; {
		var p listed
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	checked := 0
	for _, p := range pkgs {
		if p.Module != nil && p.Module.Path == module {
			readSources(t, p.Dir)
		}
		if !strings.HasPrefix(p.ImportPath, module+"/render") || builders[p.ImportPath] {
			continue
		}
		checked++
		for _, dep := range p.Deps {
			for _, bad := range forbidden {
				if dep == bad || strings.HasPrefix(dep, bad+"/") {
					t.Errorf("%s depends on %s: the model and the writers see the document only", p.ImportPath, dep)
				}
			}
		}
	}
	// The model and the two writers at least; fewer means go list saw the
	// wrong tree and the test proves nothing.
	if checked < 4 {
		t.Fatalf("go list found %d packages under render/ that are not builders:\n%s", checked, out)
	}
	// New packages under render/ are found by ./...: read the tree too.
	_ = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			readSources(t, path)
		}
		return err
	})
}

// readSources reads the Go files of dir. go test caches a result against
// the files the test itself reads, not those go list reads; reading them
// here means an edited import is tested again, not answered from the cache.
func readSources(t *testing.T, dir string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".go") {
			if _, err := os.ReadFile(filepath.Join(dir, e.Name())); err != nil {
				t.Fatal(err)
			}
		}
	}
}
