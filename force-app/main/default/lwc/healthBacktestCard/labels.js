// Every text the backtest card shows, from Custom Labels (English, with Finnish translations).
import TITLE from '@salesforce/label/c.Baton_Backtest_Title';
import RANKED from '@salesforce/label/c.Baton_Backtest_Ranked';
import LIFT from '@salesforce/label/c.Baton_Backtest_Lift';
import COUNTS from '@salesforce/label/c.Baton_Backtest_Counts';
import REFUSED from '@salesforce/label/c.Baton_Backtest_Refused';
import COIN_TOSS from '@salesforce/label/c.Baton_Backtest_Coin_Toss';
import RUN_AT from '@salesforce/label/c.Baton_Backtest_Run_At';
import EMPTY from '@salesforce/label/c.Baton_Backtest_Empty';
import LOAD_ERROR from '@salesforce/label/c.Baton_Backtest_Load_Error';

export const LABELS = {
  title: TITLE,
  ranked: RANKED,
  lift: LIFT,
  counts: COUNTS,
  refused: REFUSED,
  coinToss: COIN_TOSS,
  runAt: RUN_AT,
  empty: EMPTY,
  loadError: LOAD_ERROR
};
