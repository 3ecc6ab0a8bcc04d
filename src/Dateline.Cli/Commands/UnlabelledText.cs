using Dateline.Nlp.Entities;
using Dateline.Nlp.Sentences;
using Dateline.Nlp.Tokens;

namespace Dateline.Cli.Commands;

/// <summary>Sentences of unlabelled text for the models that learn from it (word classes, the parser's word-pair associations).</summary>
internal static class UnlabelledText
{
    /// <param name="conll">CoNLL files (first column is the word).</param>
    /// <param name="gmb">GMB's ner_dataset.csv (Windows-1252), or null.</param>
    /// <param name="textFolders">Folders of plain-text articles (README files in capitals skipped).</param>
    /// <param name="sentenceSplit">Split the text files' lines into sentences; otherwise each line is one sequence (as the word classes were learned).</param>
    public static List<string[]> Read(IEnumerable<string> conll, string? gmb, IEnumerable<string> textFolders, bool sentenceSplit)
    {
        var sentences = new List<string[]>();
        foreach (var file in conll)
        {
            sentences.AddRange(ConllReader.Read(file).Select(s => s.Words));
        }

        if (gmb is not null)
        {
            System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
            var current = new List<string>();
            foreach (var line in File.ReadLines(gmb, System.Text.Encoding.GetEncoding(1252)).Skip(1))
            {
                var cols = line.Split(',');
                if (cols.Length < 4)
                {
                    continue;
                }

                if (cols[0].StartsWith("Sentence", StringComparison.Ordinal) && current.Count > 0)
                {
                    sentences.Add([.. current]);
                    current.Clear();
                }

                current.Add(cols.Length > 4 ? string.Join(',', cols[1..^2]) : cols[1]);
            }
        }

        foreach (var dir in textFolders)
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".TXT", StringComparison.Ordinal)))
            {
                foreach (var line in File.ReadLines(file))
                {
                    var tokens = RuleTokenizer.Tokenize(line);
                    if (tokens.Length <= 2)
                    {
                        continue;
                    }

                    if (!sentenceSplit)
                    {
                        sentences.Add([.. tokens.Select(t => line[t.Start..t.End])]);
                        continue;
                    }

                    foreach (var sentence in PunctuationSentenceSplitter.Split(line, tokens))
                    {
                        var words = tokens.Where(t => t.Start >= sentence.Start && t.End <= sentence.End).Select(t => line[t.Start..t.End]).ToArray();
                        if (words.Length > 2)
                        {
                            sentences.Add(words);
                        }
                    }
                }
            }
        }

        return sentences;
    }
}
