// The lexicon packages ship no types; only what this plugin uses is declared.
declare module 'vader-sentiment' {
  export const SentimentIntensityAnalyzer: {
    polarity_scores(text: string): { neg: number; neu: number; pos: number; compound: number };
  };
}
declare module 'sentiment-fr' {
  const afinnFr: Record<string, number>;
  export default afinnFr;
}
