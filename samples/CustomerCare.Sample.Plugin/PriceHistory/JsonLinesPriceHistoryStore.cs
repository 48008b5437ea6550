using System.Globalization;
using System.Text;
using System.Text.Json;
using CustomerCare;
using CustomerCare.Storage;
using NodaTime;
using NodaTime.Text;

namespace Contoso.CustomerCare.PriceHistory;

/// <summary>
/// An <see cref="IPriceHistoryStore"/> kept as an append-only JSON-lines file: one line per recorded price, such as
/// <c>{"product":"sku-1","price":149.90,"currency":"TRY","from":"2026-10-01T00:00:00Z"}</c>.
/// </summary>
/// <remarks>
/// <para><b>Durability.</b> Each record is appended and flushed to disk before <see cref="RecordAsync"/> completes.
/// When the file is opened, the lines are replayed in order (a later line for the same product and instant replaces an
/// earlier one). A last line without its newline is the torn tail of an interrupted append and is cut off; any other
/// unreadable line fails the open with its file, line and column.</para>
/// <para><b>Thread safety.</b> Thread-safe: appends are serialized by an async lock, and reads take a short lock on the
/// in-memory index and never touch the file. One store owns its file: it is opened without sharing (an exclusive
/// advisory lock on Unix), so a second store or process opening it fails with an <see cref="IOException"/>.</para>
/// </remarks>
public sealed class JsonLinesPriceHistoryStore : IPriceHistoryStore, IAsyncDisposable, IDisposable
{
    private const int MaxProductIdLength = 128;
    private static readonly InstantPattern InstantFormat = InstantPattern.ExtendedIso;

    private readonly FileStream _file;
    private readonly SemaphoreSlim _appendLock = new(1, 1);
    private readonly Lock _indexLock = new();
    private readonly Dictionary<string, SortedList<Instant, Money>> _prices = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>Opens the file, creating it and its folder when missing, and replays the prices it holds.</summary>
    /// <param name="path">The JSON-lines file.</param>
    /// <exception cref="FieldValidationException">The path is blank or not a file path.</exception>
    /// <exception cref="InvalidDataException">A line of the file is not a price record; the message names the file, line and column.</exception>
    /// <exception cref="IOException">The file cannot be opened, for example because another store holds it.</exception>
    public JsonLinesPriceHistoryStore(string path)
    {
        var errors = JsonLinesPriceHistoryStoreOptionsValidator.Check(new JsonLinesPriceHistoryStoreOptions { Path = path });
        if (errors.Count > 0)
        {
            throw new FieldValidationException(errors);
        }

        FilePath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        _file = new FileStream(FilePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        try
        {
            Replay();
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <summary>The full path of the file.</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    /// <exception cref="FieldValidationException">The product id is blank, padded, too long or has a control character, or the price is negative.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public async ValueTask RecordAsync(string productId, Money price, Instant from, CancellationToken cancellationToken = default)
    {
        CheckProductId(productId);
        if (price.Currency.Code is null)
        {
            throw FieldValidationException.For("currency", null, FieldErrorCodes.Required, "is required");
        }

        if (price.IsNegative)
        {
            throw FieldValidationException.For("price", price.ToString(), FieldErrorCodes.OutOfRange, "must not be negative");
        }

        cancellationToken.ThrowIfCancellationRequested();
        await _appendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (Find(productId, from) is { } current && current.Amount == price.Amount && current.Currency == price.Currency)
            {
                return;
            }

            // Once the bytes are written the record is committed, so cancellation is not honoured past this point:
            // the index must not miss a line that the file has.
            _file.Seek(0, SeekOrigin.End);
            await _file.WriteAsync(Serialize(productId, price, from), CancellationToken.None).ConfigureAwait(false);
            _file.Flush(flushToDisk: true);
            Apply(productId, price, from);
        }
        finally
        {
            _appendLock.Release();
        }
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    public ValueTask<Money?> LowestPriceAsync(string productId, Instant from, Instant until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(productId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_indexLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (until <= from || !_prices.TryGetValue(productId, out var history))
            {
                return ValueTask.FromResult<Money?>(null);
            }

            Money? lowest = null;
            for (var i = 0; i < history.Count; i++)
            {
                var effective = history.Keys[i];
                var replaced = i + 1 < history.Count ? history.Keys[i + 1] : Instant.MaxValue;
                if (effective < until && replaced > from && (lowest is null || history.Values[i] < lowest.Value))
                {
                    lowest = history.Values[i];
                }
            }

            return ValueTask.FromResult(lowest);
        }
    }

    /// <summary>Closes the file.</summary>
    /// <returns>A task that completes when the file is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await _appendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            MarkDisposed();
            await _file.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _appendLock.Release();
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        _appendLock.Wait();
        try
        {
            MarkDisposed();
            _file.Dispose();
        }
        finally
        {
            _appendLock.Release();
        }
    }

    private static void CheckProductId(string? productId)
    {
        const string field = "product_id";
        if (string.IsNullOrWhiteSpace(productId))
        {
            throw FieldValidationException.For(field, productId, FieldErrorCodes.Required, "is required");
        }

        if (productId.Length > MaxProductIdLength)
        {
            throw FieldValidationException.For(field, productId, FieldErrorCodes.TooLong, "is longer than 128 characters");
        }

        if (char.IsWhiteSpace(productId[0]) || char.IsWhiteSpace(productId[^1]) || productId.Any(char.IsControl))
        {
            throw FieldValidationException.For(field, productId, FieldErrorCodes.Malformed, "starts or ends with a space or contains a control character");
        }
    }

    private static byte[] Serialize(string productId, Money price, Instant from)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("product", productId);
            json.WriteNumber("price", price.Amount);
            json.WriteString("currency", price.Currency.Code);
            json.WriteString("from", InstantFormat.Format(from));
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private void MarkDisposed()
    {
        lock (_indexLock)
        {
            _disposed = true;
        }
    }

    private Money? Find(string productId, Instant from)
    {
        lock (_indexLock)
        {
            return _prices.TryGetValue(productId, out var history) && history.TryGetValue(from, out var price) ? price : null;
        }
    }

    private void Apply(string productId, Money price, Instant from)
    {
        lock (_indexLock)
        {
            if (!_prices.TryGetValue(productId, out var history))
            {
                history = [];
                _prices.Add(productId, history);
            }

            history[from] = price;
        }
    }

    private void Replay()
    {
        var bytes = new byte[_file.Length];
        _file.ReadExactly(bytes);
        var start = 0;
        var line = 0;
        while (start < bytes.Length)
        {
            line++;
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                // An append interrupted before its newline: the record was never acknowledged, so it is dropped.
                _file.SetLength(start);
                break;
            }

            var record = bytes.AsSpan(start, end - start);
            if (!record.Trim((byte)'\r').IsEmpty)
            {
                var (productId, price, from) = ParseLine(record, line);
                Apply(productId, price, from);
            }

            start = end + 1;
        }
    }

    private (string ProductId, Money Price, Instant From) ParseLine(ReadOnlySpan<byte> record, int line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(record.ToArray());
        }
        catch (JsonException e)
        {
            throw Unreadable(line, (int)(e.BytePositionInLine ?? 0) + 1, "is not a JSON object: " + e.Message);
        }

        using (document)
        {
            var text = Encoding.UTF8.GetString(record);
            var root = document.RootElement;
            var productId = ReadString(root, "product", text, line);
            var currencyCode = ReadString(root, "currency", text, line);
            var fromText = ReadString(root, "from", text, line);
            if (!root.TryGetProperty("price", out var priceElement) || priceElement.ValueKind != JsonValueKind.Number || !priceElement.TryGetDecimal(out var amount) || amount < 0m)
            {
                throw Unreadable(line, ColumnOf(text, "price"), "field 'price' is missing or not a decimal number that is not negative");
            }

            if (!Currency.TryFromCode(currencyCode, out var currency, out var currencyError))
            {
                throw Unreadable(line, ColumnOf(text, "currency"), currencyError.Message);
            }

            var parsed = InstantFormat.Parse(fromText);
            if (!parsed.Success)
            {
                throw Unreadable(line, ColumnOf(text, "from"), string.Create(CultureInfo.InvariantCulture, $"field 'from': value '{fromText}' is not a UTC instant such as 2026-10-01T00:00:00Z"));
            }

            return (productId, new Money(amount, currency), parsed.Value);
        }
    }

    private string ReadString(JsonElement root, string name, string text, int line) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Unreadable(line, ColumnOf(text, name), $"field '{name}' is missing or not a string");

    private static int ColumnOf(string text, string name)
    {
        var index = text.IndexOf("\"" + name + "\"", StringComparison.Ordinal);
        return index < 0 ? 1 : index + 1;
    }

    private InvalidDataException Unreadable(int line, int column, string reason) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{FilePath}:{line}:{column}: {reason}"));
}
