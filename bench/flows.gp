# Draws bench/results/flows.dat (written by bench/js/table.mjs) as three
# panels of paired bars, exegia-auth next to supabase-js for every flow:
# median wall time, p99 wall time, client CPU per flow.
# gnuplot -e "data='flows.dat'; out='flows.png'" bench/flows.gp
if (!exists("data")) data = 'bench/results/flows.dat'
if (!exists("out")) out = 'bench/results/flows.png'

set terminal pngcairo size 1500,600 font "DejaVu Sans,10"
set output out
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.9 border -1
set boxwidth 0.9
set grid ytics lc rgb "#dddddd"
set key top right
set xtics scale 0 rotate by 30 right
set bmargin 6
set yrange [0:*]
set datafile separator whitespace

ours = "#5145c8"
theirs = "#3ecf8e"

set multiplot layout 1,3 title "Auth flows against the local emulator: exegia-auth (C++/Qt) vs supabase-js (node)"
set title "median wall time (ms)"
plot data using 2:xtic(1) title "exegia-auth" lc rgb ours, \
     ''   using 3 title "supabase-js" lc rgb theirs
set title "p99 wall time (ms)"
plot data using 4:xtic(1) title "exegia-auth" lc rgb ours, \
     ''   using 5 title "supabase-js" lc rgb theirs
set title "client CPU per flow (µs, mean)"
plot data using 6:xtic(1) title "exegia-auth" lc rgb ours, \
     ''   using 7 title "supabase-js" lc rgb theirs
unset multiplot
