# Draws bench/results/network.dat (written by bench/network/table.mjs) as two
# panels of paired bars, exegia-auth next to supabase-js for every flow:
# median cold time (fresh process, handshakes included; ours also after the
# app's pre-connect) and median warm time,
# over TLS through the delay relay. The grid lines are multiples of the RTT.
# gnuplot -e "data='network.dat'; out='network.png'; rtt=40" bench/network.gp
if (!exists("data")) data = 'bench/results/network.dat'
if (!exists("out")) out = 'bench/results/network.png'
if (!exists("rtt")) rtt = 40

set terminal pngcairo size 1400,600 font "DejaVu Sans,10"
set output out
set style data histogram
set style histogram clustered gap 1
set style fill solid 0.9 border -1
set boxwidth 0.9
set ytics rtt
set grid ytics lc rgb "#dddddd"
set key top right
set xtics scale 0
set bmargin 4
set yrange [0:*]
set offsets 0, 0, graph 0.2, 0 # headroom for the key
set datafile separator whitespace

ours = "#5145c8"
theirs = "#3ecf8e"

set multiplot layout 1,2 title sprintf("Auth flows over TLS at %g ms RTT (nginx + delay relay on loopback): exegia-auth (C++/Qt) vs supabase-js (node)", rtt)
set datafile missing "?"
set title "cold: first call of a fresh process (ms, median)"
plot data using 2:xtic(1) title "exegia-auth" lc rgb ours, \
     ''   using 10 title "exegia-auth pre-connected (as the app)" lc rgb "#a9a2f0", \
     ''   using 3 title "supabase-js" lc rgb theirs
set title "warm: open connections (ms, median)"
plot data using 4:xtic(1) title "exegia-auth" lc rgb ours, \
     ''   using 5 title "supabase-js" lc rgb theirs
unset multiplot
