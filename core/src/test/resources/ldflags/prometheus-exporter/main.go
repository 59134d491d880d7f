// A prometheus-style exporter's version output: the variables of github.com/prometheus/common/version,
// which its Makefile would set with -X and gocb sets from the build's facts.
package main

import (
	"fmt"

	"github.com/prometheus/common/version"
)

func main() {
	fmt.Println("Version=" + version.Version)
	fmt.Println("Revision=" + version.Revision)
	fmt.Println("Branch=" + version.Branch)
	fmt.Println("BuildUser=" + version.BuildUser)
	fmt.Println("BuildDate=" + version.BuildDate)
	fmt.Println(version.Info())
}
