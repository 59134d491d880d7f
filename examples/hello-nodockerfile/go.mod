module example.com/hello-nodockerfile

go 1.26
