using System.Linq.Expressions;
using System.Reflection;
using CustomerCare.Segments.Rules;

namespace CustomerCare.Segments.Evaluation;

/// <summary>
/// Compiles a checked rule into one expression tree that loads the columns it reads once, then scans every row in a
/// single loop and sets a bit per matching customer. No allocation happens per customer.
/// </summary>
internal sealed class RuleCompiler
{
    private static readonly MethodInfo GetColumnMethod = typeof(CustomerTable).GetMethod(nameof(CustomerTable.GetColumn), BindingFlags.Instance | BindingFlags.NonPublic)!;
    private static readonly MethodInfo MatchDistinctMethod = typeof(RuleRuntime).GetMethod(nameof(RuleRuntime.MatchDistinct))!;
    private static readonly MethodInfo MatchTextMethod = typeof(RuleRuntime).GetMethod(nameof(RuleRuntime.MatchText))!;
    private static readonly MethodInfo WantedMembersMethod = typeof(RuleRuntime).GetMethod(nameof(RuleRuntime.WantedMembers))!;
    private static readonly MethodInfo HasAnyMethod = typeof(RuleRuntime).GetMethod(nameof(RuleRuntime.HasAny))!;
    private static readonly MethodInfo BinarySearchMethod = typeof(Array).GetMethods()
        .Single(m => m.Name == nameof(Array.BinarySearch) && m.IsGenericMethodDefinition && m.GetParameters().Length == 2)
        .MakeGenericMethod(typeof(int));

    private readonly ParameterExpression _table = Expression.Parameter(typeof(CustomerTable), "table");
    private readonly ParameterExpression _row = Expression.Variable(typeof(int), "i");
    private readonly List<ParameterExpression> _variables = [];
    private readonly List<Expression> _prologue = [];
    private readonly Dictionary<string, ParameterExpression> _columns = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Field, string Array), ParameterExpression> _arrays = [];
    private ParameterExpression? _today;

    private RuleCompiler()
    {
    }

    /// <summary>Compiles a scan: <c>(table, bits) =&gt; for each row, set its bit when the rule holds</c>.</summary>
    public static Action<CustomerTable, ulong[]> CompileScan(RuleNode root)
    {
        var compiler = new RuleCompiler();
        var bits = Expression.Parameter(typeof(ulong[]), "bits");
        var condition = compiler.Compile(root);
        var count = Expression.Variable(typeof(int), "n");
        var exit = Expression.Label("exit");
        var setBit = Expression.OrAssign(
            Expression.ArrayAccess(bits, Expression.RightShift(compiler._row, Expression.Constant(6))),
            Expression.LeftShift(Expression.Constant(1UL), Expression.And(compiler._row, Expression.Constant(63))));
        var loop = Expression.Loop(
            Expression.Block(
                Expression.IfThen(Expression.GreaterThanOrEqual(compiler._row, count), Expression.Break(exit)),
                Expression.IfThen(condition, setBit),
                Expression.PreIncrementAssign(compiler._row)),
            exit);
        var body = Expression.Block(
            [.. compiler._variables, compiler._row, count],
            [.. compiler._prologue, Expression.Assign(count, Expression.Property(compiler._table, nameof(CustomerTable.Count))), Expression.Assign(compiler._row, Expression.Constant(0)), loop]);
        return Expression.Lambda<Action<CustomerTable, ulong[]>>(body, compiler._table, bits).Compile();
    }

    /// <summary>Compiles a test of one row: <c>(table, i) =&gt; rule holds for row i</c>.</summary>
    public static Func<CustomerTable, int, bool> CompileRow(RuleNode root)
    {
        var compiler = new RuleCompiler();
        var row = Expression.Parameter(typeof(int), "row");
        var condition = compiler.Compile(root);
        var body = Expression.Block(
            [.. compiler._variables, compiler._row],
            [.. compiler._prologue, Expression.Assign(compiler._row, row), condition]);
        return Expression.Lambda<Func<CustomerTable, int, bool>>(body, compiler._table, row).Compile();
    }

    private Expression Compile(RuleNode node) => node switch
    {
        AndRule and => CompileAnd(and),
        OrRule or => or.Operands.Select(Compile).Aggregate(Expression.OrElse),
        NotRule not => Expression.Not(Compile(not.Operand)),
        RuleCondition condition => CompileCondition(condition),
        _ => throw new ArgumentException($"Unknown rule node {node.GetType().Name}.", nameof(node)),
    };

    /// <summary>
    /// Cheap conditions (array reads and integer compares) are combined without short-circuiting, so the loop has no
    /// unpredictable branch per condition; the costly ones (decimal, text, sets) then run only for rows that passed.
    /// Every condition is free of side effects, so the order and eagerness change nothing but speed.
    /// </summary>
    private Expression CompileAnd(AndRule and)
    {
        var cheap = new List<Expression>();
        var costly = new List<Expression>();
        foreach (var operand in and.Operands)
        {
            (IsCheap(operand) ? cheap : costly).Add(Compile(operand));
        }

        var eager = cheap.Count > 0 ? [cheap.Aggregate(Expression.And)] : Array.Empty<Expression>();
        return eager.Concat(costly).Aggregate(Expression.AndAlso);
    }

    private static bool IsCheap(RuleNode node) => node switch
    {
        NotRule not => IsCheap(not.Operand),
        RuleCondition condition => SegmentFields.TryFind(condition.Attribute, out var field)
            && (field.ColumnType == typeof(IntColumn) || field.ColumnType == typeof(DateColumn) || field.ColumnType == typeof(ChoiceColumn)
                || field.ColumnType == typeof(InternedTextColumn) || field.ColumnType == typeof(BoolColumn)),
        _ => false,
    };

    private Expression CompileCondition(RuleCondition condition)
    {
        SegmentFields.TryFind(condition.Attribute, out var field);
        var column = ColumnOf(field!);
        return column.Type.Name switch
        {
            nameof(IntColumn) => CompareInts(Expression.ArrayIndex(ArrayOf(column, nameof(IntColumn.Values)), _row), condition, Numbers(condition)),
            nameof(DateColumn) => CompileDate(column, condition),
            nameof(DecimalColumn) => CompareDecimals(Expression.ArrayIndex(ArrayOf(column, nameof(DecimalColumn.Values)), _row), condition),
            nameof(InternedTextColumn) => CompileInterned(column, condition),
            nameof(TextColumn) => Expression.Call(MatchTextMethod, Expression.ArrayIndex(ArrayOf(column, nameof(TextColumn.Values)), _row), Expression.Constant(condition.Operator), Expression.Constant(Texts(condition))),
            nameof(ChoiceColumn) => CompileChoice(column, condition, field!),
            nameof(SetColumn) => CompileSet(column, condition),
            _ => CompileBoolean(column, condition),
        };
    }

    private ParameterExpression ColumnOf(SegmentField field)
    {
        if (!_columns.TryGetValue(field.Name, out var variable))
        {
            var type = field.ColumnType;
            variable = Expression.Variable(type, field.Name);
            _variables.Add(variable);
            _prologue.Add(Expression.Assign(variable, Expression.Convert(Expression.Call(_table, GetColumnMethod, Expression.Constant(field)), type)));
            _columns.Add(field.Name, variable);
        }

        return variable;
    }

    /// <summary>Loads a column's array into a local once, before the loop, so the loop reads locals only.</summary>
    private ParameterExpression ArrayOf(ParameterExpression column, string property)
    {
        if (!_arrays.TryGetValue((column.Name!, property), out var array))
        {
            var access = Expression.Property(column, property);
            array = Expression.Variable(access.Type, column.Name + "_" + property);
            _variables.Add(array);
            _prologue.Add(Expression.Assign(array, access));
            _arrays.Add((column.Name!, property), array);
        }

        return array;
    }

    private Expression CompileDate(ParameterExpression column, RuleCondition condition)
    {
        var day = Expression.ArrayIndex(ArrayOf(column, nameof(DateColumn.Days)), _row);
        if (condition.Operator != RuleOperator.WithinDays)
        {
            return CompareInts(day, condition, condition.Operands.Select(o => (decimal)o.Date.ToDateOnly().DayNumber).ToArray());
        }

        _today ??= Today();
        var today = Expression.ArrayIndex(_today, _row);
        var window = Expression.Subtract(today, Expression.Constant((int)condition.Operands[0].Number));
        return Expression.And(
            Expression.NotEqual(day, Expression.Constant(IntColumn.Null)),
            Expression.And(Expression.LessThanOrEqual(day, today), Expression.GreaterThanOrEqual(day, window)));
    }

    private ParameterExpression Today()
    {
        var today = Expression.Variable(typeof(int[]), "today");
        _variables.Add(today);
        _prologue.Add(Expression.Assign(today, Expression.Property(_table, "Today")));
        return today;
    }

    private Expression CompileInterned(ParameterExpression column, RuleCondition condition)
    {
        var id = Expression.ArrayIndex(ArrayOf(column, nameof(InternedTextColumn.Ids)), _row);
        if (condition.Operator is RuleOperator.IsNull or RuleOperator.IsNotNull)
        {
            return condition.Operator == RuleOperator.IsNull ? Expression.LessThan(id, Expression.Constant(0)) : Expression.GreaterThanOrEqual(id, Expression.Constant(0));
        }

        var lookup = Expression.Variable(typeof(bool[]), "lookup" + _variables.Count);
        _variables.Add(lookup);
        _prologue.Add(Expression.Assign(lookup, Expression.Call(MatchDistinctMethod, Expression.Property(column, nameof(InternedTextColumn.Values)), Expression.Constant(condition.Operator), Expression.Constant(Texts(condition)))));
        var whenMissing = Expression.Constant(condition.Operator is RuleOperator.NotEqual or RuleOperator.NotIn);
        return Expression.Condition(Expression.LessThan(id, Expression.Constant(0)), whenMissing, Expression.ArrayIndex(lookup, id));
    }

    private BinaryExpression CompileChoice(ParameterExpression column, RuleCondition condition, SegmentField field)
    {
        var wanted = new bool[256];
        foreach (var operand in condition.Operands)
        {
            var index = field.Choices.ToList().FindIndex(c => RuleBinder.Normalize(c) == RuleBinder.Normalize(operand.Text!));
            wanted[index] = true;
        }

        if (condition.Operator is RuleOperator.NotEqual or RuleOperator.NotIn)
        {
            for (var i = 0; i < wanted.Length; i++)
            {
                wanted[i] = !wanted[i];
            }
        }

        // The lookup lives in a local set before the loop: a constant array would be fetched and checked on every row.
        var lookup = Expression.Variable(typeof(bool[]), "choice" + _variables.Count);
        _variables.Add(lookup);
        _prologue.Add(Expression.Assign(lookup, Expression.Constant(wanted)));
        var value = Expression.ArrayIndex(ArrayOf(column, nameof(ChoiceColumn.Values)), _row);
        return Expression.ArrayIndex(lookup, Expression.Convert(value, typeof(int)));
    }

    private Expression CompileSet(ParameterExpression column, RuleCondition condition)
    {
        var offsets = ArrayOf(column, nameof(SetColumn.Offsets));
        if (condition.Operator is RuleOperator.IsNull or RuleOperator.IsNotNull)
        {
            var empty = Expression.Equal(Expression.ArrayIndex(offsets, _row), Expression.ArrayIndex(offsets, Expression.Increment(_row)));
            return condition.Operator == RuleOperator.IsNull ? empty : Expression.Not(empty);
        }

        var wanted = Expression.Variable(typeof(bool[]), "wanted" + _variables.Count);
        _variables.Add(wanted);
        _prologue.Add(Expression.Assign(wanted, Expression.Call(WantedMembersMethod, Expression.Property(column, nameof(SetColumn.Values)), Expression.Constant(Texts(condition)))));
        Expression has = Expression.Call(HasAnyMethod, offsets, ArrayOf(column, nameof(SetColumn.Members)), _row, wanted);
        return condition.Operator is RuleOperator.NotEqual or RuleOperator.NotIn ? Expression.Not(has) : has;
    }

    private BinaryExpression CompileBoolean(ParameterExpression column, RuleCondition condition)
    {
        var value = Expression.ArrayIndex(ArrayOf(column, nameof(BoolColumn.Values)), _row);
        var literal = Expression.Constant(condition.Operands[0].Boolean);
        return condition.Operator == RuleOperator.Equal ? Expression.Equal(value, literal) : Expression.NotEqual(value, literal);
    }

    /// <summary>Compares an int column with decimal constants exactly; a missing value satisfies only != and not in.</summary>
    private static Expression CompareInts(Expression value, RuleCondition condition, decimal[] literals)
    {
        var notNull = Expression.NotEqual(value, Expression.Constant(IntColumn.Null));
        Expression AtLeast(decimal literal) => decimal.Ceiling(literal) is var t && t > int.MaxValue ? Expression.Constant(false)
            : t <= int.MinValue + 1 ? notNull : Expression.GreaterThanOrEqual(value, Expression.Constant((int)t));
        Expression AtMost(decimal literal) => decimal.Floor(literal) is var t && t < int.MinValue + 1 ? Expression.Constant(false)
            : Expression.And(notNull, Expression.LessThanOrEqual(value, Expression.Constant((int)Math.Min(t, int.MaxValue))));
        Expression EqualTo(decimal literal) => literal != decimal.Truncate(literal) || literal > int.MaxValue || literal <= int.MinValue
            ? Expression.Constant(false) : Expression.Equal(value, Expression.Constant((int)literal));
        Expression In()
        {
            var candidates = literals.Where(l => l == decimal.Truncate(l) && l <= int.MaxValue && l > int.MinValue).Select(l => (int)l).Distinct().Order().ToArray();
            return candidates.Length <= 4
                ? candidates.Select(c => (Expression)Expression.Equal(value, Expression.Constant(c))).DefaultIfEmpty(Expression.Constant(false)).Aggregate(Expression.OrElse)
                : Expression.GreaterThanOrEqual(Expression.Call(BinarySearchMethod, Expression.Constant(candidates), value), Expression.Constant(0));
        }

        return condition.Operator switch
        {
            RuleOperator.Equal => EqualTo(literals[0]),
            RuleOperator.NotEqual => Expression.Not(EqualTo(literals[0])),
            RuleOperator.GreaterOrEqual => AtLeast(literals[0]),
            RuleOperator.Greater => decimal.Floor(literals[0]) >= int.MaxValue ? Expression.Constant(false) : AtLeast(decimal.Floor(literals[0]) + 1),
            RuleOperator.LessOrEqual => AtMost(literals[0]),
            RuleOperator.Less => AtMost(decimal.Ceiling(literals[0]) - 1),
            RuleOperator.Between => Expression.AndAlso(AtLeast(literals[0]), AtMost(literals[1])),
            RuleOperator.In => In(),
            RuleOperator.NotIn => Expression.Not(In()),
            RuleOperator.IsNull => Expression.Not(notNull),
            _ => notNull,
        };
    }

    private static Expression CompareDecimals(Expression value, RuleCondition condition)
    {
        Expression Literal(int i) => Expression.Constant(condition.Operands[i].Number);
        return condition.Operator switch
        {
            RuleOperator.Equal => Expression.Equal(value, Literal(0)),
            RuleOperator.NotEqual => Expression.NotEqual(value, Literal(0)),
            RuleOperator.GreaterOrEqual => Expression.GreaterThanOrEqual(value, Literal(0)),
            RuleOperator.Greater => Expression.GreaterThan(value, Literal(0)),
            RuleOperator.LessOrEqual => Expression.LessThanOrEqual(value, Literal(0)),
            RuleOperator.Less => Expression.LessThan(value, Literal(0)),
            RuleOperator.Between => Expression.AndAlso(Expression.GreaterThanOrEqual(value, Literal(0)), Expression.LessThanOrEqual(value, Literal(1))),
            RuleOperator.In => condition.Operands.Select(o => (Expression)Expression.Equal(value, Expression.Constant(o.Number))).Aggregate(Expression.OrElse),
            RuleOperator.NotIn => Expression.Not(condition.Operands.Select(o => (Expression)Expression.Equal(value, Expression.Constant(o.Number))).Aggregate(Expression.OrElse)),
            RuleOperator.IsNull => Expression.Constant(false),
            _ => Expression.Constant(true),
        };
    }

    private static decimal[] Numbers(RuleCondition condition) => [.. condition.Operands.Select(o => o.Number)];

    private static string[] Texts(RuleCondition condition) => [.. condition.Operands.Select(o => o.Text!)];
}
