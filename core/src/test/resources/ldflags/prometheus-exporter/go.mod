module example.com/exporter

go 1.26.0

require github.com/prometheus/common v0.74.0
