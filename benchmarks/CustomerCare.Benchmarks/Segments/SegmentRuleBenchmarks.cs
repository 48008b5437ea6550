using System.Linq.Dynamic.Core;
using BenchmarkDotNet.Attributes;
using RulesEngine.Models;
using MicrosoftRulesEngine = RulesEngine.RulesEngine;

namespace CustomerCare.Benchmarks.Segments;

/// <summary>
/// The 5-condition segment rule of issue 3 over 1M synthetic customers: a hand-written loop over the same columns our
/// compiled rule reads (the baseline), our compiled rule, Microsoft RulesEngine 6.0.1 (one
/// <c>ExecuteAllRulesAsync</c> per customer, as its users call it) and a System.Linq.Dynamic.Core lambda compiled once.
/// Each returns the member count, and setup checks that all four agree.
/// </summary>
[MemoryDiagnoser]
public class SegmentRuleBenchmarks
{
    private const int CustomerCount = 1_000_000;
    private const string Workflow = "Segments";

    private SegmentBenchmarkData _data = null!;
    private ulong[] _bits = [];
    private MicrosoftRulesEngine _rulesEngine = null!;
    private Func<SegmentInput, bool> _dynamicLinq = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = SegmentBenchmarkData.Build(CustomerCount);
        _bits = _data.NewBitSet();
        var workflow = new Workflow
        {
            WorkflowName = Workflow,
            Rules = [new Rule { RuleName = "FiveConditions", RuleExpressionType = RuleExpressionType.LambdaExpression, Expression = FiveConditionRule.RulesEngineLambda }],
        };
        _rulesEngine = new MicrosoftRulesEngine([workflow], new ReSettings());
        _dynamicLinq = DynamicExpressionParser.ParseLambda<SegmentInput, bool>(ParsingConfig.Default, false, FiveConditionRule.Lambda).Compile();
        _data.CheckAgreement(
            (nameof(HandWritten), HandWritten()),
            (nameof(Compiled), Compiled()),
            (nameof(RulesEngine), RulesEngine().GetAwaiter().GetResult()),
            (nameof(DynamicLinq), DynamicLinq()));
    }

    /// <summary>The floor: a plain C# loop over plain arrays holding the same columns.</summary>
    [Benchmark(Baseline = true)]
    public int HandWritten()
    {
        _data.Hand.Scan(_bits);
        return HandColumns.PopCount(_bits);
    }

    /// <summary>Our rule, compiled once, scanning the warmed <see cref="Segments.Evaluation.CustomerTable"/>.</summary>
    [Benchmark]
    public int Compiled()
    {
        _data.Rule.Evaluate(_data.Table, _bits);
        return HandColumns.PopCount(_bits);
    }

    /// <summary>Microsoft RulesEngine: the workflow is compiled and cached by the engine; one execution per customer.</summary>
    [Benchmark]
    public async Task<int> RulesEngine()
    {
        Array.Clear(_bits);
        var inputs = _data.Inputs;
        for (var i = 0; i < inputs.Length; i++)
        {
            var results = await _rulesEngine.ExecuteAllRulesAsync(Workflow, inputs[i]);
            if (results[0].IsSuccess)
            {
                _bits[i >> 6] |= 1UL << (i & 63);
            }
        }

        return HandColumns.PopCount(_bits);
    }

    /// <summary>System.Linq.Dynamic.Core: the lambda parsed and compiled once, then called per customer.</summary>
    [Benchmark]
    public int DynamicLinq()
    {
        Array.Clear(_bits);
        var inputs = _data.Inputs;
        for (var i = 0; i < inputs.Length; i++)
        {
            if (_dynamicLinq(inputs[i]))
            {
                _bits[i >> 6] |= 1UL << (i & 63);
            }
        }

        return HandColumns.PopCount(_bits);
    }
}
