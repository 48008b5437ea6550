namespace CustomerCare.Import;

/// <summary>
/// The stable codes carried by <see cref="CsvError.Code"/> for problems of the CSV text and of the import. Errors about
/// one value use the codes of <see cref="FieldErrorCodes"/>, and rows the domain refuses use those of
/// <see cref="Orders.EventRejectionCodes"/>.
/// </summary>
public static class CsvErrorCodes
{
    /// <summary>An error without a more specific code.</summary>
    public const string Invalid = "invalid";

    /// <summary>The file has no header row.</summary>
    public const string EmptyFile = "empty_file";

    /// <summary>The file does not exist.</summary>
    public const string FileNotFound = "file_not_found";

    /// <summary>The file is larger than <see cref="CsvLimits.MaxFileBytes"/>.</summary>
    public const string FileTooLarge = "file_too_large";

    /// <summary>The file has more than <see cref="CsvLimits.MaxRows"/> rows.</summary>
    public const string TooManyRows = "too_many_rows";

    /// <summary>A field is longer than <see cref="CsvLimits.MaxFieldLength"/> characters.</summary>
    public const string FieldTooLong = "field_too_long";

    /// <summary>The header has more than <see cref="CsvLimits.MaxColumns"/> columns.</summary>
    public const string TooManyColumns = "too_many_columns";

    /// <summary>The bytes are not valid UTF-8.</summary>
    public const string InvalidEncoding = "invalid_encoding";

    /// <summary>A quoted field is not closed before the end of the file.</summary>
    public const string UnterminatedQuote = "unterminated_quote";

    /// <summary>A <c>"</c> appears inside a field that does not start with one.</summary>
    public const string QuoteInUnquotedField = "quote_in_unquoted_field";

    /// <summary>Text follows the closing quote of a quoted field.</summary>
    public const string TextAfterClosingQuote = "text_after_closing_quote";

    /// <summary>A record has more or fewer fields than the header.</summary>
    public const string FieldCount = "field_count";

    /// <summary>The header names a column twice.</summary>
    public const string DuplicateColumn = "duplicate_column";

    /// <summary>The header names a column the file format does not have.</summary>
    public const string UnknownColumn = "unknown_column";

    /// <summary>The header lacks a required column.</summary>
    public const string MissingColumn = "missing_column";

    /// <summary>An identifier appears twice in the same file.</summary>
    public const string DuplicateId = "duplicate_id";

    /// <summary>A row names a customer that is neither in <c>customers.csv</c> nor in the store, or an unknown order.</summary>
    public const string UnknownReference = "unknown_reference";

    /// <summary>A customer or order of the files is already in the store; an import never overwrites.</summary>
    public const string AlreadyExists = "already_exists";

    /// <summary>An order's status does not match its instants and refund.</summary>
    public const string StatusMismatch = "status_mismatch";

    /// <summary>The store changed while the import ran; nothing was written.</summary>
    public const string StoreChanged = "store_changed";
}
