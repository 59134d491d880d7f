module example.com/modules/greeting

go 1.26
