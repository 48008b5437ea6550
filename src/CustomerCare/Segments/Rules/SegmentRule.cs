using CustomerCare.Customers;
using CustomerCare.Segments.Evaluation;
using NodaTime;

namespace CustomerCare.Segments.Rules;

/// <summary>
/// A checked segment rule, ready to evaluate: parse it from text (<see cref="Parse"/>) or JSON (<see cref="FromJson"/>),
/// then evaluate it over a <see cref="CustomerTable"/> or for one customer.
/// </summary>
/// <remarks>
/// <para>
/// Semantics: <c>and</c>, <c>or</c>, <c>not</c> are two-valued. A condition on a missing value (no birthday, no orders)
/// is false, except <c>!=</c>, <c>not in</c> and <c>is null</c>, which are true, so <c>not x = 1</c> and
/// <c>x != 1</c> always agree. Text compares with <see cref="Text.TurkishInvariantComparer"/>:
/// case-insensitive, culture-invariant, and <c>I ı İ i</c> are one letter, so <c>city = 'istanbul'</c> matches
/// <c>İstanbul</c> and <c>ISTANBUL</c>.
/// </para>
/// <para>The rule compiles once, on first use, and is then safe to evaluate from many threads.</para>
/// </remarks>
public sealed class SegmentRule
{
    private readonly Lazy<Action<CustomerTable, ulong[]>> _scan;
    private readonly Lazy<Func<CustomerTable, int, bool>> _row;

    private SegmentRule(RuleNode root)
    {
        Root = root;
        Text = RuleFormatter.Format(root);
        UsesPopulation = Conditions(root).Any(c => SegmentFields.TryFind(c.Attribute, out var field) && field.NeedsPopulation);
        _scan = new Lazy<Action<CustomerTable, ulong[]>>(() => RuleCompiler.CompileScan(root));
        _row = new Lazy<Func<CustomerTable, int, bool>>(() => RuleCompiler.CompileRow(root));
    }

    /// <summary>The parsed rule.</summary>
    public RuleNode Root { get; }

    /// <summary>The rule as canonical text.</summary>
    public string Text { get; }

    /// <summary>Whether the rule reads service history or RFM scores, which come from outside the customer record.</summary>
    public bool UsesPopulation { get; }

    /// <summary>Parses and checks rule text.</summary>
    /// <param name="text">The rule, such as <c>orders &gt;= 3 and city in ['İstanbul', 'Ankara']</c>.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="SegmentRuleException">The rule is malformed, too long or too deep, names an unknown attribute or mixes types; every error has a line, a column and a hint.</exception>
    public static SegmentRule Parse(string text)
    {
        var (root, map) = RuleParser.Parse(text);
        return Check(root, map);
    }

    /// <summary>Parses and checks a rule in its JSON form (see <see cref="RuleJson"/>).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="SegmentRuleException">The JSON is malformed or the rule is invalid; errors carry a JSON path.</exception>
    public static SegmentRule FromJson(string json)
    {
        var (root, map, errors) = RuleJson.Read(json);
        return errors.Count > 0 ? throw new SegmentRuleException(errors) : Check(root!, map);
    }

    /// <summary>Checks an already built rule tree.</summary>
    /// <param name="root">The tree.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="SegmentRuleException">The tree names an unknown attribute or mixes types.</exception>
    public static SegmentRule FromTree(RuleNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return Check(root, RuleSourceMap.None);
    }

    /// <summary>The rule as a store specification evaluated as of an instant (see <see cref="SegmentSpecification"/>).</summary>
    /// <param name="asOf">The instant.</param>
    /// <param name="options">Lifecycle thresholds; defaults when <see langword="null"/>.</param>
    /// <returns>The specification.</returns>
    /// <exception cref="ArgumentException">The rule reads RFM scores or service history.</exception>
    public SegmentSpecification ToSpecification(Instant asOf, SegmentOptions? options = null) => new(this, asOf, options);

    /// <summary>The rule in its JSON form.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => RuleJson.Write(Root);

    /// <summary>Evaluates the rule for every customer of a table.</summary>
    /// <param name="table">The customers.</param>
    /// <returns>The members.</returns>
    public SegmentMembership Evaluate(CustomerTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var bits = new ulong[(table.Count + 63) / 64];
        _scan.Value(table, bits);
        return new SegmentMembership(table, bits);
    }

    /// <summary>Evaluates the rule into a caller-owned bit set, without allocating per customer.</summary>
    /// <param name="table">The customers.</param>
    /// <param name="bits">At least ⌈Count/64⌉ words; row i is bit (i mod 64) of word i/64. Cleared first.</param>
    public void Evaluate(CustomerTable table, ulong[] bits)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(bits);
        if (bits.Length < (table.Count + 63) / 64)
        {
            throw new ArgumentException($"The bit set needs {(table.Count + 63) / 64} words for {table.Count} customers.", nameof(bits));
        }

        Array.Clear(bits);
        _scan.Value(table, bits);
    }

    /// <summary>Whether one row of a table matches.</summary>
    /// <param name="table">The customers.</param>
    /// <param name="index">The row.</param>
    /// <returns>Whether the customer is a member.</returns>
    public bool Matches(CustomerTable table, int index)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, table.Count);
        return _row.Value(table, index);
    }

    /// <summary>Whether one customer matches, on their own, as of an instant.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="asOf">The instant; "today" is this instant in the customer's zone.</param>
    /// <param name="history">The customer's service history, if known.</param>
    /// <param name="options">Thresholds; defaults when <see langword="null"/>.</param>
    /// <returns>Whether the customer is a member.</returns>
    /// <exception cref="InvalidOperationException">The rule reads RFM scores, which exist only over a population: use a table.</exception>
    public bool Matches(Customer customer, Instant asOf, ServiceHistory? history = null, SegmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (Conditions(Root).Any(c => c.Attribute.StartsWith("rfm_", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"The rule '{Text}' reads RFM scores, which are quintiles over a population; evaluate it over a CustomerTable.");
        }

        var table = CustomerTable.Create([customer], asOf, options, history is null ? null : new Dictionary<CustomerId, ServiceHistory> { [customer.Id] = history });
        return _row.Value(table, 0);
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    internal static IEnumerable<RuleCondition> Conditions(RuleNode node) => node switch
    {
        AndRule and => and.Operands.SelectMany(Conditions),
        OrRule or => or.Operands.SelectMany(Conditions),
        NotRule not => Conditions(not.Operand),
        RuleCondition condition => [condition],
        _ => [],
    };

    private static SegmentRule Check(RuleNode root, RuleSourceMap map)
    {
        var errors = RuleBinder.Check(root, map);
        return errors.Count > 0 ? throw new SegmentRuleException(errors) : new SegmentRule(root);
    }
}
