using CustomerCare.Templates;
using Xunit;

namespace CustomerCare.Tests.Templates;

public sealed class SmsSegmentTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Count_Gsm7Text_Uses160Then153PerSegment(int length, int segments)
    {
        var count = SmsSegments.Count(new string('a', length));

        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, length, segments), count);
    }

    [Theory]
    [InlineData('ş')]
    [InlineData('ğ')]
    [InlineData('ı')]
    [InlineData('İ')]
    [InlineData('ç')]
    public void Count_OneTurkishLetter_ForcesUcs2(char letter)
    {
        var count = SmsSegments.Count(new string('a', 100) + letter);

        Assert.Equal(SmsEncoding.Ucs2, count.Encoding);
        Assert.Equal(2, count.Segments);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Count_Ucs2Text_Uses70Then67PerSegment(int length, int segments)
    {
        var count = SmsSegments.Count("ş" + new string('a', length - 1));

        Assert.Equal(new SmsSegmentCount(SmsEncoding.Ucs2, length, segments), count);
    }

    [Fact]
    public void Count_GsmLettersOfTurkishLikeÜÖÇ_StayGsm7()
    {
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Count("Ümit Öz, Çok güzel!").Encoding);
    }

    [Fact]
    public void Count_EuroSign_CountsTwoSeptets()
    {
        var count = SmsSegments.Count(new string('a', 159) + "€");

        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 161, 2), count);
    }
}
