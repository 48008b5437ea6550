using System.Collections.Immutable;
using Bogus;

namespace CustomerCare.Sample.Simulation;

/// <summary>A product the simulated store sells.</summary>
/// <param name="Id">The product identifier.</param>
/// <param name="Category">The category, in Turkish.</param>
/// <param name="Price">The unit price in TRY.</param>
public sealed record Product(string Id, string Category, Money Price);

/// <summary>A product category: its Turkish name, a code for product identifiers, a price range and a share of sales.</summary>
/// <param name="Name">The category as the store shows it.</param>
/// <param name="Code">Three letters used in product identifiers.</param>
/// <param name="MinPrice">The cheapest product, in TRY.</param>
/// <param name="MaxPrice">The dearest product, in TRY.</param>
/// <param name="Weight">How often a line falls in this category, relative to the others.</param>
public sealed record Category(string Name, string Code, int MinPrice, int MaxPrice, int Weight);

/// <summary>The products of the simulated store, drawn once per seed.</summary>
public sealed class Catalog
{
    /// <summary>The categories, with Turkish names.</summary>
    public static IReadOnlyList<Category> Categories { get; } =
    [
        new("Elektronik", "ELK", 250, 45_000, 14),
        new("Giyim", "GYM", 150, 3_500, 22),
        new("Kozmetik", "KZM", 80, 1_800, 16),
        new("Ev & Yaşam", "EVY", 100, 8_000, 15),
        new("Kitap", "KTP", 45, 650, 12),
        new("Spor & Outdoor", "SPR", 200, 7_500, 8),
        new("Anne & Bebek", "BBK", 120, 4_000, 6),
        new("Süpermarket", "SMK", 30, 900, 7),
    ];

    private const int ProductsPerCategory = 25;

    private readonly ImmutableArray<ImmutableArray<Product>> _products;

    private Catalog(ImmutableArray<ImmutableArray<Product>> products) => _products = products;

    /// <summary>Draws the products of every category.</summary>
    /// <param name="random">The seeded random source.</param>
    /// <returns>The catalog.</returns>
    public static Catalog Create(Randomizer random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var products = Categories.Select(category => Enumerable.Range(1, ProductsPerCategory)
                .Select(n => new Product($"{category.Code}-{n:000}", category.Name, new Money(Price(random, category), Currency.TRY)))
                .ToImmutableArray())
            .ToImmutableArray();
        return new Catalog(products);
    }

    /// <summary>Picks a product: a category by its weight, then a product in it.</summary>
    /// <param name="random">The seeded random source.</param>
    /// <returns>The product.</returns>
    public Product Pick(Randomizer random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var products = _products[Weighted.Index(random, Categories, c => c.Weight)];
        return products[random.Int(0, products.Length - 1)];
    }

    private static decimal Price(Randomizer random, Category category)
    {
        // Prices cluster near the cheap end and end in ,90 or ,99 the way shops price them.
        var spread = category.MaxPrice - category.MinPrice;
        var skewed = Math.Pow(random.Double(), 3);
        var whole = category.MinPrice + (int)(spread * skewed);
        return random.Int(0, 9) switch
        {
            < 5 => whole - 0.10m,
            < 8 => whole - 0.01m,
            _ => whole,
        };
    }
}
