using System.Security.Cryptography;
using System.Text;
using Dateline.Core.Articles;
using Dateline.Core.Serialization;

namespace Dateline.Storage;

/// <summary>Content fingerprint used to tell "same article again" from "the article changed".</summary>
public static class ArticleHashing
{
    /// <summary>Hash of the article without where it was read from and without reader warnings.</summary>
    public static string ContentHash(Article article)
    {
        var json = DatelineJson.Serialize(article with { Origin = new ArticleOrigin(string.Empty), Warnings = [] });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
