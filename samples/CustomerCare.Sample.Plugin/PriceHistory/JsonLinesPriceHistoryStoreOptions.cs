namespace Contoso.CustomerCare.PriceHistory;

/// <summary>Where a <see cref="JsonLinesPriceHistoryStore"/> keeps its file.</summary>
/// <remarks>Bound from configuration by <c>UseJsonLinesPriceHistoryStore(IConfiguration)</c>: <c>Path</c>.</remarks>
public sealed class JsonLinesPriceHistoryStoreOptions
{
    /// <summary>The JSON-lines file, such as <c>/var/lib/shop/prices.jsonl</c>; created with its folder when missing. Required.</summary>
    public string Path { get; set; } = string.Empty;
}
