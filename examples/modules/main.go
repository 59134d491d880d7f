// Command modules is the fixture for goModVendor: a small CLI whose dependencies are real
// third-party modules, so that vendoring and offline module caches are tested on a real graph.
package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"example.com/modules/greeting"
	"github.com/google/uuid"
	"github.com/pkg/errors"
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"
	"golang.org/x/sync/errgroup"
)

// A fixed name-based UUID, so the output can be checked.
var namespace = uuid.MustParse("6ba7b811-9dad-11d1-80b4-00c04fd430c8")

type report struct {
	Greeting string   `yaml:"greeting"`
	ID       string   `yaml:"id"`
	Lengths  []int    `yaml:"lengths"`
	Names    []string `yaml:"names"`
}

func main() {
	var name string
	root := &cobra.Command{
		Use:   "modules",
		Short: "prints a YAML report that uses every dependency",
		RunE: func(cmd *cobra.Command, args []string) error {
			out, err := render(cmd.Context(), name, args)
			if err != nil {
				return errors.Wrap(err, "rendering the report")
			}
			fmt.Fprint(cmd.OutOrStdout(), out)
			return nil
		},
	}
	root.Flags().StringVar(&name, "name", "gocb", "who to greet")
	if err := root.ExecuteContext(context.Background()); err != nil {
		os.Exit(1)
	}
}

func render(ctx context.Context, name string, words []string) (string, error) {
	lengths := make([]int, len(words))
	group, _ := errgroup.WithContext(ctx)
	for i, word := range words {
		group.Go(func() error {
			lengths[i] = len(word)
			return nil
		})
	}
	if err := group.Wait(); err != nil {
		return "", err
	}
	out, err := yaml.Marshal(report{
		Greeting: greeting.For(name),
		ID:       uuid.NewSHA1(namespace, []byte(name)).String(),
		Lengths:  lengths,
		Names:    append([]string{}, words...),
	})
	return strings.TrimSpace(string(out)) + "\n", err
}
