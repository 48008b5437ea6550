using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;

var config = DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToArray();

// A smoke run must fail CI when a benchmark throws or cannot be built, not only print it.
var broken = summaries.Where(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)).ToArray();
foreach (var summary in broken)
{
    Console.Error.WriteLine($"Benchmark failures in {summary.Title}");
}

return broken.Length == 0 ? 0 : 1;
