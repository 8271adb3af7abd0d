import { useMutation, useQueryClient } from "@tanstack/react-query";

import { withColumnPage, type Board } from "../../../shared/api/boardCache";
import { boardQuery, fetchColumnPage, type BoardFilters } from "../../../shared/api/queries";

/**
 * Loads the next cards of one board column and appends them to the board's cache entry.
 * A mutation rather than a query of its own: the page has no life apart from the board (a move
 * takes a card from one column to another in one update, a refetch reloads as deep as was
 * scrolled), so it is merged there; the mutation only carries the request's pending and error.
 */
export function useLoadMoreCards(slug: string, projectKey: string, filters: BoardFilters, stateId: string) {
  const queryClient = useQueryClient();
  const boardKey = boardQuery(slug, projectKey, filters).queryKey;
  return useMutation({
    mutationFn: async (cursor: string) => ({
      cursor,
      page: await fetchColumnPage(slug, projectKey, filters, stateId, cursor),
    }),
    onSuccess: ({ cursor, page }) => {
      queryClient.setQueryData<Board>(
        boardKey,
        (board) => board && withColumnPage(board, stateId, cursor, page),
      );
    },
  });
}
