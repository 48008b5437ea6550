using System.Text.Json;

namespace CustomerCare.Storage;

/// <summary>One named part of a customer's export, such as <c>profile</c> or <c>complaints</c>.</summary>
/// <param name="Name">The section name, snake_case, unique across stores.</param>
/// <param name="Content">The section's JSON, written with <see cref="Serialization.StorageJson.Options"/>.</param>
public sealed record PersonalDataSection(string Name, JsonElement Content)
{
    /// <summary>Builds a section from a value, serialized with <see cref="Serialization.StorageJson"/>.</summary>
    /// <typeparam name="T">The value type: a record, or a list of records.</typeparam>
    /// <param name="name">The section name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The section.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static PersonalDataSection From<T>(string name, T value)
        where T : notnull
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        return new PersonalDataSection(name, JsonSerializer.SerializeToElement(value, Serialization.StorageJson.Options));
    }
}
