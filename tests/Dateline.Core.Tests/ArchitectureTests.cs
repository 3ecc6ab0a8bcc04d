using System.Xml.Linq;
using Dateline.Testing;

namespace Dateline.Core.Tests;

/// <summary>The dependency rule of docs/ARCHITECTURE.md: stages see only Core; only hosts and Ingestion compose.</summary>
public sealed class ArchitectureTests
{
    [Theory]
    [InlineData("Dateline.Core", new string[0])]
    [InlineData("Dateline.Extraction", new[] { "Dateline.Core" })]
    [InlineData("Dateline.Storage", new[] { "Dateline.Core" })]
    [InlineData("Dateline.Nlp.Onnx", new[] { "Dateline.Core" })]
    [InlineData("Dateline.Ingestion", new[] { "Dateline.Core", "Dateline.Extraction", "Dateline.Storage" })]
    [InlineData("Dateline.Web", new[] { "Dateline.Core", "Dateline.Extraction", "Dateline.Storage", "Dateline.Ingestion", "Dateline.Nlp" })]
    public void Project_references_follow_the_dependency_rule(string project, string[] allowed)
    {
        var csproj = XDocument.Load(RepoPaths.InRepo("src", project, project + ".csproj"));
        var references = csproj.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/'))).Order().ToArray();
        Assert.Equal(allowed.Order().ToArray(), references);
    }

    [Fact]
    public void Core_has_no_package_references()
    {
        var csproj = XDocument.Load(RepoPaths.InRepo("src", "Dateline.Core", "Dateline.Core.csproj"));
        Assert.Empty(csproj.Descendants("PackageReference"));
    }

    [Theory]
    [InlineData(typeof(Extraction.Reading.ArticleExtractor))]
    [InlineData(typeof(Storage.IArticleStore))]
    public void Stage_assemblies_reference_no_other_stage(Type stageType)
    {
        var referenced = stageType.Assembly.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(n => n.StartsWith("Dateline.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["Dateline.Core"], referenced);
    }

    [Fact]
    public void Every_src_project_is_in_the_solution()
    {
        var slnx = File.ReadAllText(RepoPaths.InRepo("Dateline.slnx"));
        foreach (var dir in Directory.GetDirectories(RepoPaths.InRepo("src")))
        {
            Assert.Contains($"src/{Path.GetFileName(dir)}/", slnx, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Core_types_are_not_named_after_BCL_collisions()
    {
        var names = typeof(Documents.Document).Assembly.GetTypes().Where(t => t.IsPublic).Select(t => t.Name).ToHashSet();
        Assert.DoesNotContain("Span", names);
        Assert.DoesNotContain("Event", names);
        Assert.DoesNotContain("Entity", names);
    }
}
