using Dateline.Core.Errors;

namespace Dateline.Ingestion;

/// <summary>
/// Expands the paths a user gave (files and folders, recursively) into a sorted list of files. Inside folders, hidden
/// files and the folder's own documentation (README, LICENSE, *.md) are left out; a file named on the command line
/// is always read.
/// </summary>
public static class InputFinder
{
    /// <summary>File names that document a folder of inputs rather than being inputs.</summary>
    private static readonly string[] DocumentationPrefixes = ["README", "LICENSE", "LICENCE", "CHANGELOG", "NOTICE"];

    private static readonly EnumerationOptions Recursive = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = false,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
        ReturnSpecialDirectories = false,
    };

    public static (List<string> Files, List<InputProblem> Problems) Find(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var problems = new List<InputProblem>();
        foreach (var path in paths)
        {
            if (File.Exists(path) || (!Directory.Exists(path) && new FileInfo(path).LinkTarget is not null))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                try
                {
                    files.AddRange(Directory.EnumerateFiles(path, "*", Recursive).Where(f => !IsDotFile(f) && !IsDocumentation(f)).Order(StringComparer.Ordinal));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    problems.Add(new InputProblem(path, null, $"cannot list folder: {ex.Message}"));
                }
            }
            else
            {
                problems.Add(new InputProblem(path, null, "no such file or folder"));
            }
        }

        return (files, problems);
    }

    private static bool IsDotFile(string path) => Path.GetFileName(path).StartsWith('.');

    private static bool IsDocumentation(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
               || DocumentationPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }
}
