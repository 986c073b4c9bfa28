from finops_gate.cli import main

main()
