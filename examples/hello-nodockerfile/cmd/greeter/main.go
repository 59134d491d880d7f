// Command greeter has no Dockerfile: go-container-build generates the best-practice one
// (gocb dockerfile --context examples/hello-nodockerfile --package ./cmd/greeter prints it).
package main

import (
	"flag"
	"fmt"
)

var version = "dev"

func main() {
	showVersion := flag.Bool("version", false, "print the version and exit")
	name := flag.String("name", "world", "who to greet")
	flag.Parse()
	if *showVersion {
		fmt.Println(version)
		return
	}
	fmt.Printf("hello, %s\n", *name)
}
